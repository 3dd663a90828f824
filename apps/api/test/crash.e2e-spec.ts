import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, writeImportFile } from '@kabinet/exchange-1c';
import { CLI, runCli } from './cli';
import { snapshot } from './exchange-helpers';
import { createTestDatabase } from './helpers';
import { waitFor } from './wait';

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
      const { child, exited } = runCli(killed.url, ['import', file]);
      // Wait until the import is under way (the parser has reported progress), then kill -9.
      await waitFor('the import to be under way', async () => {
        const rows = await q(
          `SELECT bytes_processed FROM exchange_files WHERE status = 'importing'`,
        );
        return rows[0] && Number(rows[0].bytes_processed) > 0 ? true : undefined;
      });
      child.kill('SIGKILL');
      const { signal, out } = await exited;
      expect(signal, `the import finished before it could be killed: ${out}`).toBe('SIGKILL');
      expect(await q('SELECT 1 FROM contracts')).toHaveLength(0);
      expect(await q('SELECT 1 FROM customers')).toHaveLength(0);
      expect(await q(`SELECT status FROM exchange_files`)).toEqual([{ status: 'importing' }]);

      const again = await runCli(killed.url, ['import', file]).exited;
      expect(again.code, again.out).toBe(0);
      const fresh = await runCli(clean.url, ['import', file]).exited;
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
  }, 300_000); // three imports of 1,600 contracts and a killed process: minutes on 2 busy cores
});
