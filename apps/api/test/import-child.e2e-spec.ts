import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, writeImportFile } from '@kabinet/exchange-1c';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { CLI, runCli } from './cli';
import { sampleFiles, snapshot } from './exchange-helpers';
import { createTestDatabase, startTestApp, type TestApp } from './helpers';
import { waitFor } from './wait';

// The built app imports each file in the slim import process (dist/.../import-child.js); the
// other tests run the TypeScript sources, which import in-process. These tests drive the built
// CLI, so they cover the import process: same results as in-process, and what happens when it
// or its parent dies, or the exchange cycle stops it.

/** The pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1] === `${pid}`;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Running (not exited; an exited orphan may linger as a zombie of a non-reaping init). */
function running(pid: number): boolean {
  try {
    return !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function withSql<T>(url: string, work: (q: (text: string) => Promise<unknown[]>) => T) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(async (text) => (await c.query(text)).rows);
  } finally {
    await c.end();
  }
}

const LEDGER = `SELECT name, status, created, updated, unchanged, archived, skipped, counts, header,
                       error_message, error_line, error_column, error_element
                  FROM exchange_files ORDER BY name, status`;
const RUNS = `SELECT trigger, status, files_imported, files_failed, files_duplicate, created,
                     updated, unchanged, archived FROM exchange_runs
               ORDER BY files_imported, files_failed, files_duplicate, created, updated, unchanged`;

// Each test runs the built CLI (a Node process per import, a generated file of 2,000 customers)
// and sometimes the test app beside it: seconds on an idle machine, much longer on 2 busy cores.
const SLOW = 180_000;

describe('the import process (built app)', () => {
  let dir: string;
  let big: string;
  const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];
  const database = async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    return db.url;
  };

  beforeAll(async () => {
    expect(existsSync(CLI), 'the API is built (pnpm build) before this test').toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'kabinet-import-process-'));
    big = join(dir, 'big.xml');
    await writeFile(
      big,
      writeImportFile(generateContent({ customers: 2000, seed: 9, idPrefix: 'proc' }), {
        generatedAt: '2026-11-23T10:00:00',
      }),
    );
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'leaves the same data, ledger and runs as the in-process import',
    async () => {
      // Every golden file, good and bad, one after the other into one database, then the first
      // again (a duplicate): through the CLI's import process, and in-process in the test app.
      const files = [...sampleFiles('ok'), ...sampleFiles('not-ok')];
      files.push(files[0]!);
      const url = await database();
      const viaProcess = await runCli(url, ['import', ...files]).exited;
      expect(viaProcess.code, viaProcess.out).toBe(1); // the not-ok files fail
      // What the imports' events make (notifications) is made when the API runs next.
      const later = await startTestApp({ demo: false, databaseUrl: url });
      await later.settle();
      await later.close();
      let t: TestApp | undefined;
      try {
        t = await startTestApp({ demo: false });
        for (const f of files) await t.app.get(ExchangeService).importLocalFile(f, 'cli');
        await t.settle();
        await withSql(url, async (q) => {
          const expected = await snapshot(t!);
          expect(await snapshot({ sql: q as TestApp['sql'] })).toEqual(expected);
          expect(expected.contracts.length).toBeGreaterThan(0);
          const ledger = await q(LEDGER);
          expect(ledger).toEqual(await t!.sql(LEDGER));
          expect(ledger.map((r) => (r as { status: string }).status)).toEqual(
            expect.arrayContaining(['imported', 'failed', 'duplicate']),
          );
          expect(await q(RUNS)).toEqual(await t!.sql(RUNS));
        });
      } finally {
        await t?.close();
      }
    },
    SLOW,
  );

  it(
    'a killed import process leaves its file failed, with nothing saved',
    async () => {
      const url = await database();
      const run = runCli(url, ['import', big]);
      await waitFor('the import to be under way', () =>
        withSql(url, async (q) => {
          const rows = (await q(
            `SELECT bytes_processed FROM exchange_files WHERE status = 'importing'`,
          )) as Array<{ bytes_processed: string }>;
          return rows[0] && Number(rows[0].bytes_processed) > 0 ? true : undefined;
        }),
      );
      const [worker] = childrenOf(run.child.pid!);
      expect(worker, 'the CLI imports in a child process').toBeDefined();
      process.kill(worker!, 'SIGKILL');
      const { code, out } = await run.exited;
      expect(code, out).toBe(1);
      expect(out).toContain(`${basename(big)}: FAILED`);
      expect(out).toContain('The import process stopped unexpectedly (signal SIGKILL)');
      await withSql(url, async (q) => {
        expect(await q('SELECT 1 FROM contracts')).toHaveLength(0);
        expect(await q('SELECT 1 FROM customers')).toHaveLength(0);
        expect(await q('SELECT status FROM exchange_files')).toEqual([{ status: 'failed' }]);
        expect(await q('SELECT status, files_failed FROM exchange_runs')).toEqual([
          { status: 'failed', files_failed: 1 },
        ]);
      });
    },
    SLOW,
  );

  it(
    'when the CLI is killed, its import process stops too',
    async () => {
      const url = await database();
      const run = runCli(url, ['import', big]);
      await waitFor('the import to be under way', () =>
        withSql(url, async (q) =>
          (await q(`SELECT 1 FROM exchange_files WHERE bytes_processed > 0`)).length
            ? true
            : undefined,
        ),
      );
      const [worker] = childrenOf(run.child.pid!);
      expect(worker).toBeDefined();
      run.child.kill('SIGKILL');
      await run.exited;
      await waitFor('the import process to exit', () => (running(worker!) ? undefined : true));
      await withSql(url, async (q) => {
        expect(await q('SELECT 1 FROM contracts')).toHaveLength(0);
        expect(await q('SELECT status FROM exchange_files')).toEqual([{ status: 'importing' }]);
      });
    },
    SLOW,
  );

  it(
    'the exchange cycle running out of time stops the import process, which rolls back',
    async () => {
      const url = await database();
      const exchangeDir = join(dir, 'exchange');
      await mkdir(join(exchangeDir, 'inbox'), { recursive: true });
      await writeFile(join(exchangeDir, 'inbox', 'big.xml'), readFileSync(big));
      const run = runCli(url, ['exchange'], {
        EXCHANGE_SOURCE: 'local',
        EXCHANGE_DIR: exchangeDir,
        EXCHANGE_STABLE_MS: '0',
        EXCHANGE_SCHEDULE: 'false',
        EXCHANGE_CYCLE_TIMEOUT_SECONDS: '5',
      });
      // The API (Nest) hands the file to the import process: its connection is named so.
      await waitFor('the import process to connect', () =>
        withSql(url, async (q) =>
          (
            await q(
              `SELECT 1 FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'kabinet-import'`,
            )
          ).length
            ? true
            : undefined,
        ),
      );
      const { code, out } = await run.exited;
      expect(code, out).toBe(1);
      expect(out).toContain('big.xml: failed');
      await withSql(url, async (q) => {
        expect(await q('SELECT 1 FROM contracts')).toHaveLength(0);
        expect(await q('SELECT status, error_message FROM exchange_files')).toEqual([
          {
            status: 'failed',
            error_message:
              'The import was stopped (the exchange cycle ran out of time); nothing was saved',
          },
        ]);
      });
      expect((await readdir(join(exchangeDir, 'inbox', 'failed'))).sort()).toEqual([
        expect.stringMatching(/_big\.xml$/),
        expect.stringMatching(/_big\.xml\.error\.txt$/),
      ]);
    },
    SLOW,
  );
});
