import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The built `kabinet` CLI (`pnpm build` runs before the tests that use it). */
export const CLI = resolve(__dirname, '../dist/bin/kabinet.js');

/** Runs `kabinet <args>` as its own process against `url`; `exited` has its output. */
export function runCli(url: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: url,
      EXCHANGE_SOURCE: 'off',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal, out })),
  );
  return { child, exited };
}
