import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { inject } from 'vitest';
import { createApiClient, readCsrfToken, type ApiClient } from '@kabinet/api-client';
import { createApp, type KabinetApp } from '../src/app.factory';
import { ManualClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { DemoService } from '../src/modules/demo/demo.service';
import { EventDispatcher } from '../src/modules/events/event-dispatcher';
import { MIGRATIONS } from './migrations';
import { waitFor } from './wait';

/** A fresh database cloned from the migrated template; dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `kabinet_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: KabinetApp;
  baseUrl: string;
  /** The local exchange folder (`inbox/`, `outbox/`) unless the test configured SFTP. */
  exchangeDir: string;
  databaseUrl: string;
  clock: ManualClock;
  /** A client with its own cookie jar: one browser. */
  client(): TestClient;
  /** Runs SQL against the test database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Waits until every event committed so far has been handled by its consumers (the
   * notifications a change makes follow it through the event dispatcher).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface TestClient {
  api: ApiClient;
  cookies: Map<string, string>;
  /** Raw fetch through the same cookie jar (for requests the typed client cannot make). */
  fetch: typeof fetch;
  /** A raw JSON POST with the CSRF header, for bodies the typed client would refuse to send. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * Starts the real app on 127.0.0.1 with a fresh database (or `databaseUrl`'s, left in place on
 * close), demo data and a manual clock.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; demo?: boolean; databaseUrl?: string } = {},
): Promise<TestApp> {
  const db = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  const webDist = await mkdtemp(join(tmpdir(), 'kabinet-web-'));
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Kabinet SPA</title>');
  const exchangeDir = await mkdtemp(join(tmpdir(), 'kabinet-exchange-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    EXCHANGE_DIR: exchangeDir,
    EXCHANGE_STABLE_MS: '0',
    APP_SECRET: randomBytes(24).toString('hex'),
    RATE_LIMIT_ENABLED: 'false',
    WEB_DIST_DIR: webDist,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const { app } = await createApp({
    config,
    databaseUrl: db.url,
    clock,
    migrations: MIGRATIONS,
    silent: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  if (options.demo !== false) await app.get(DemoService).loadOnce();
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const pool = new Client({ connectionString: db.url });
  await pool.connect();
  return {
    app,
    baseUrl,
    exchangeDir,
    databaseUrl: db.url,
    clock,
    client: () => createTestClient(baseUrl),
    sql: async (text, params) => (await pool.query(text, params)).rows,
    settle: () => app.get(EventDispatcher).drain(),
    close: async () => {
      await pool.end();
      await app.close();
      await db.drop();
      await rm(webDist, { recursive: true, force: true });
      await rm(exchangeDir, { recursive: true, force: true });
    },
  };
}

/** A typed API client with a cookie jar, as a browser would have. */
export function createTestClient(baseUrl: string): TestClient {
  const cookies = new Map<string, string>();
  const jarFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const cookieHeader = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookieHeader) request.headers.set('cookie', cookieHeader);
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
    return response;
  };
  const csrf = () => readCsrfToken([...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const api = createApiClient({ baseUrl, fetch: jarFetch, getCsrfToken: csrf });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    jarFetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() ?? '', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { api, cookies, fetch: jarFetch, post };
}

/**
 * Waits for the code the dev outbox "sent" to `phone` (sending is not awaited) and takes it out
 * of the outbox, so the next call waits for the next code.
 */
export async function takeCode(t: TestApp, phone: string): Promise<string> {
  return waitFor(
    `the code sent to ${phone}`,
    async () => {
      const rows = await t.sql<{ text: string }>(
        `DELETE FROM dev_outbox_messages WHERE phone = $1 RETURNING text, created_at`,
        [phone],
      );
      if (rows.length > 1) throw new Error(`${rows.length} codes waiting for ${phone}`);
      return rows.at(-1)?.text.match(/(\d{6})/)?.[1];
    },
    { timeoutMs: 20_000, everyMs: 20 },
  );
}

/** Gets a CSRF cookie (any GET sets it), as the SPA does on its first request. */
export async function primeCsrf(c: TestClient): Promise<void> {
  await c.api.GET('/api/health');
}

export async function loginCustomer(t: TestApp, phone: string): Promise<TestClient> {
  const c = t.client();
  await primeCsrf(c);
  const sent = await c.api.POST('/api/auth/otp/request', { body: { phone } });
  if (sent.response.status !== 202) throw new Error(`otp request: ${sent.response.status}`);
  const code = await takeCode(t, phone);
  const res = await c.api.POST('/api/auth/otp/verify', { body: { phone, code } });
  if (res.response.status !== 200) throw new Error(`otp verify: ${res.response.status}`);
  return c;
}

export async function loginStaff(t: TestApp, login: string, password = 'kabinet-demo') {
  const c = t.client();
  await primeCsrf(c);
  const res = await c.api.POST('/api/auth/staff/login', { body: { login, password } });
  if (res.response.status !== 200) throw new Error(`staff login ${login}: ${res.response.status}`);
  return c;
}
