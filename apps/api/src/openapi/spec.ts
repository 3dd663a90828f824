import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortDeep(v)]),
    );
  }
  return value;
}

/** The spec as `pnpm openapi` writes it: production settings, keys sorted, deterministic. */
export async function buildSpec(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: 'x'.repeat(32),
    SMS_PROVIDER: 'smsru',
    SMSRU_API_ID: 'spec',
  });
  const { app, document } = await createApp({
    config,
    databaseUrl: 'postgres://spec@127.0.0.1:1/spec',
    connectDatabase: false,
    silent: true,
  });
  await app.close();
  const spec: OpenAPIObject = document;
  return `${JSON.stringify(sortDeep(spec), null, 2)}\n`;
}
