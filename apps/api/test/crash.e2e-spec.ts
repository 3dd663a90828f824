import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, writeImportFile } from '@kabinet/exchange-1c';
import { snapshot } from './exchange-helpers';
import { createTestDatabase } from './helpers';

const CLI = resolve(__dirname, '../dist/bin/kabinet.js');

/** Runs `kabinet import <file>` as its own process (the built CLI), against `url`. */
function importProcess(url: string, file: string) {
  return spawn(process.execPath, [CLI, 'import', file], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: url,
      EXCHANGE_SOURCE: 'off',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(
  child: ReturnType<typeof spawn>,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  );
}

describe('kill -9 during an import', () => {
  let dir: string;
  let file: string;
  const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];

  beforeAll(async () => {
    expect(existsSync(CLI), 'the API is built (pnpm build) before this test').toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'kabinet-crash-'));
    file = join(dir, 'big.xml');
    await writeFile(
      file,
      writeImportFile(generateContent({ customers: 800, seed: 5, idPrefix: 'crash' }), {
        generatedAt: '2026-11-23T10:00:00',
      }),
    );
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves no partial data, and a restart yields the same tables as a clean import', async () => {
    const killed = await createTestDatabase();
    const clean = await createTestDatabase();
    dbs.push(killed, clean);
    const sql = new Client({ connectionString: killed.url });
    await sql.connect();
    const q = async (text: string, params?: unknown[]) => (await sql.query(text, params)).rows;
    try {
      const child = importProcess(killed.url, file);
      const exited = exitOf(child);
      // Wait until the import is under way (the parser has reported progress), then kill -9.
      for (let i = 0; i < 600; i++) {
        const rows = await q(
          `SELECT bytes_processed FROM exchange_files WHERE status = 'importing'`,
        );
        if (rows[0] && Number(rows[0].bytes_processed) > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGKILL');
      const { signal, out } = await exited;
      expect(signal, `the import finished before it could be killed: ${out}`).toBe('SIGKILL');
      expect(await q('SELECT 1 FROM contracts')).toHaveLength(0);
      expect(await q('SELECT 1 FROM customers')).toHaveLength(0);
      expect(await q(`SELECT status FROM exchange_files`)).toEqual([{ status: 'importing' }]);

      const again = await exitOf(importProcess(killed.url, file));
      expect(again.code, again.out).toBe(0);
      const fresh = await exitOf(importProcess(clean.url, file));
      expect(fresh.code, fresh.out).toBe(0);

      const other = new Client({ connectionString: clean.url });
      await other.connect();
      try {
        const a = await snapshot({ sql: async (text) => (await sql.query(text)).rows });
        const b = await snapshot({ sql: async (text) => (await other.query(text)).rows });
        expect(a.contracts).toHaveLength(1600);
        expect(a).toEqual(b);
      } finally {
        await other.end();
      }
    } finally {
      await sql.end();
    }
  }, 120_000); // three imports of a generated file and a killed process: slow on 2 busy cores
});
