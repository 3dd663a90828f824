import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDatabase, sql as q, type Database } from '../src/database/sql';
import { storeFile } from '../src/modules/files/stored-files';
import { createTestDatabase } from './helpers';
import { waitFor } from './wait';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('storeFile', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let sql: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    sql = pgDatabase(pool);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('stores the bytes once, with the sniffed kind', async () => {
    const id = await storeFile(sql, PDF);
    expect(await storeFile(sql, Buffer.from(PDF))).toBe(id);
    const rows = await sql.query<{ size: number; mime: string }>(
      q`SELECT size, mime FROM stored_files WHERE id = ${id}`,
    );
    expect(rows).toEqual([{ size: PDF.length, mime: 'application/pdf' }]);
  });

  it('lets two transactions store the same bytes at once', async () => {
    const bytes = Buffer.from('the same scan, imported twice at once');
    let firstStored!: () => void;
    const stored = new Promise<void>((resolve) => (firstStored = resolve));
    let commitFirst!: () => void;
    const commit = new Promise<void>((resolve) => (commitFirst = resolve));
    const first = sql.transaction(async (tx) => {
      const id = await storeFile(tx, bytes);
      firstStored();
      await commit;
      return id;
    });
    await stored;
    // The second sees no committed row yet, so its INSERT waits on the first's.
    const second = sql.transaction((tx) => storeFile(tx, bytes));
    await waitFor('the second INSERT to wait for the first', async () => {
      const waiting = await sql.query<{ n: string }>(
        q`SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return Number(waiting[0]!.n) > 0 ? true : undefined;
    });
    commitFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toBe(a);
    const rows = await sql.query<{ n: string }>(
      q`SELECT count(*) AS n FROM stored_files WHERE size = ${bytes.length}`,
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
