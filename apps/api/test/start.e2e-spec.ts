import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';

const MAIN = resolve(__dirname, '../dist/main.js');

/**
 * What `pnpm start` prints: the built app with its embedded PostgreSQL and the demo data, run
 * as a terminal runs it (a process group of its own) and stopped as Ctrl-C stops it (SIGINT to
 * the whole group).
 */
describe('the console of a development start', () => {
  let dir: string;
  beforeAll(async () => {
    expect(existsSync(MAIN), 'the API is built (pnpm build) before this test').toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'kabinet-start-'));
    // As root, PostgreSQL runs as `postgres` and must reach its data directory.
    await chmod(dir, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows start-up lines and then the banner, no request lines, and stops without errors', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: join(dir, 'data'),
        EMBEDDED_PG_PORT: String(await freePort()),
        EXCHANGE_DIR: join(dir, 'exchange'),
        DEMO_DATA: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
      child.once('exit', (code, signal) => r({ code, signal })),
    );
    try {
      const started = Date.now();
      while (!out.includes('volkova / kabinet-demo')) {
        if (child.exitCode !== null) throw new Error(`the app exited:\n${out}\n${err}`);
        if (Date.now() - started > 150_000) throw new Error(`no banner after 150 s:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/company`)).status).toBe(401);
      expect((await fetch(`${base}/login`)).status).toBe(200);
      expect((await fetch(`${base}/api/no-such-route`)).status).toBe(404);
      await new Promise((r) => setTimeout(r, 300));

      const [startup, afterBanner] = out.split('Kabinet is running at');
      // Readable lines, not JSON; Nest's per-route chatter is left out.
      expect(startup).toMatch(/INFO: \[ExchangeScheduler\] Exchange runs on/);
      expect(startup).not.toMatch(/^\{/m);
      expect(startup).not.toContain('Mapped {');
      // The banner with the demo logins comes after the start-up logs; requests add no lines.
      expect(afterBanner).toContain('admin     admin / kabinet-demo');
      expect(afterBanner).not.toMatch(/\b(GET|POST) \/|request completed|"level"/);
    } finally {
      // Ctrl-C: the terminal signals the whole foreground process group.
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
    }
    const { code } = await exited;
    const stopping = out.slice(out.indexOf('SIGINT: stopping Kabinet'));
    expect(stopping).toContain('Kabinet stopped.');
    expect(stopping).not.toMatch(/error|terminating connection|57P01/i);
    expect(err).toBe('');
    expect(code).toBe(0);
    // PostgreSQL stopped too (it removes its pid file on a clean shutdown).
    expect(existsSync(join(dir, 'data', 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
