import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SAMPLES_DIR,
  generateContent,
  writeImportFile,
  type ImportFileContent,
} from '@kabinet/exchange-1c';
import { DB, type Database } from '../src/database/sql';
import { DEMO_FILE } from '../src/modules/demo/demo-data';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { ExportService } from '../src/modules/exchange/export.service';
import { FileImporterService } from '../src/modules/exchange/file-importer.service';
import { emptyImportedData, sampleFiles, snapshot } from './exchange-helpers';
import { loginCustomer, loginStaff, startTestApp, type TestApp } from './helpers';
import { waitFor } from './wait';

interface Expected {
  stage: 'parse' | 'import';
  message: string;
  line: number | null;
}
const EXPECTED = JSON.parse(
  readFileSync(join(SAMPLES_DIR, 'not-ok', 'expected.json'), 'utf8'),
) as Record<string, Expected>;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kabinet-exchange-test-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function writeTemp(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, bytes);
  return path;
}

describe('importing golden files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());
  beforeEach(() => emptyImportedData(t));

  const importer = () => t.app.get(FileImporterService);

  it.each(sampleFiles('ok').map((f) => [basename(f), f]))(
    'ok/%s imports into an empty database',
    async (_name, path) => {
      const outcome = await importer().import({
        localPath: path,
        name: basename(path),
        runId: null,
      });
      expect(outcome.status === 'failed' ? outcome.report : outcome.status).toBe('imported');
    },
  );

  it('the real 1C order (windows-1251) arrives with Cyrillic intact', async () => {
    await importer().import({
      localPath: join(SAMPLES_DIR, 'ok', 'orders-2.03-windows-1251.xml'),
      name: 'orders.xml',
      runId: null,
    });
    const [contract] = await t.sql<{ number: string; total: string; name: string }>(
      `SELECT c.number, c.total, cu.full_name AS name FROM contracts c
         JOIN customers cu ON cu.id = c.customer_id`,
    );
    expect(contract).toEqual({ number: '20', total: '9683.42', name: 'Петр Петров' });
    const items = await t.sql<{ name: string; kind: string }>(
      'SELECT name, kind FROM contract_items ORDER BY line_no',
    );
    expect(items).toEqual([
      { name: 'Доставка заказа', kind: 'service' },
      { name: 'Комбайн MOULINEX A77 4C', kind: 'goods' },
    ]);
  });

  it.each(sampleFiles('not-ok').map((f) => [basename(f), f]))(
    'not-ok/%s fails with its reason and line, and changes nothing',
    async (name, path) => {
      const expected = EXPECTED[name];
      expect(expected, `expected.json describes ${name}`).toBeDefined();
      await importer().import({ localPath: DEMO_FILE, name: 'demo.xml', runId: null });
      await t.settle(); // what the demo's events make, before the snapshot
      const before = await snapshot(t);
      const outcome = await importer().import({ localPath: path, name, runId: null });
      expect(outcome.status).toBe('failed');
      const [file] = await t.sql<{ error_message: string; error_line: number | null }>(
        'SELECT error_message, error_line FROM exchange_files WHERE id = $1',
        [outcome.fileId],
      );
      expect(file!.error_message).toContain(expected!.message);
      if (expected!.line != null) expect(file!.error_line).toBe(expected!.line);
      expect(await snapshot(t)).toEqual(before);
    },
  );

  it('10 MB of junk fails quickly and changes nothing', async () => {
    const junk = Buffer.alloc(10 * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < junk.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      junk[i] = x >>> 24;
    }
    const path = await writeTemp('junk.xml', junk);
    const outcome = await importer().import({ localPath: path, name: 'junk.xml', runId: null });
    expect(outcome.status).toBe('failed');
    expect(await t.sql('SELECT 1 FROM contracts')).toHaveLength(0);
  });
});

describe('importer properties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  /** Imports a file, and waits for what its events make (notifications). */
  const importFile = async (path: string) => {
    const outcome = await t.app
      .get(FileImporterService)
      .import({ localPath: path, name: basename(path), runId: null });
    await t.settle();
    return outcome;
  };

  it('import(file) twice = import(file) once, for generated files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom<'utf-8' | 'windows-1251'>('utf-8', 'windows-1251'),
        async (customers, seed, encoding) => {
          await emptyImportedData(t);
          const content = generateContent({ customers, seed, idPrefix: `p${seed}` });
          const once = await writeTemp(
            `once-${seed}.xml`,
            writeImportFile(content, { generatedAt: '2026-11-23T10:00:00', encoding }),
          );
          expect((await importFile(once)).status).toBe('imported');
          const afterOnce = await snapshot(t);
          // The same records in new bytes (another timestamp), so the ledger does not skip it.
          const again = await writeTemp(
            `again-${seed}.xml`,
            writeImportFile(content, { generatedAt: '2026-11-23T11:00:00', encoding }),
          );
          const second = await importFile(again);
          expect(second.status).toBe('imported');
          if (second.status === 'imported') {
            expect(second.counts.created + second.counts.updated).toBe(0);
          }
          expect(await snapshot(t)).toEqual(afterOnce);
          // The very same bytes are a no-op in the ledger.
          expect((await importFile(once)).status).toBe('duplicate');
        },
      ),
      { numRuns: 8 },
    );
  });

  it('a truncated file changes nothing, wherever it is cut', async () => {
    await emptyImportedData(t);
    expect((await importFile(DEMO_FILE)).status).toBe('imported');
    const before = await snapshot(t);
    const changed: ImportFileContent = generateContent({ customers: 3, seed: 7, idPrefix: 'cut' });
    const bytes = writeImportFile(changed, { generatedAt: '2026-11-23T12:00:00' });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: bytes.length - 30 }), async (cut) => {
        const path = await writeTemp(`cut-${cut}.xml`, bytes.subarray(0, cut));
        expect((await importFile(path)).status).toBe('failed');
        expect(await snapshot(t)).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('a full export archives what it does not mention; ПометкаУдаления archives too', async () => {
    await emptyImportedData(t);
    const content = generateContent({ customers: 3, seed: 3, idPrefix: 'full' });
    expect(
      (
        await importFile(
          await writeTemp(
            'first.xml',
            writeImportFile(content, { generatedAt: '2026-11-01T00:00:00' }),
          ),
        )
      ).status,
    ).toBe('imported');
    const [gone, ...kept] = content.customers;
    const keptIds = new Set(kept.map((c) => c.externalId));
    const next: ImportFileContent = {
      staff: content.staff,
      customers: kept,
      contracts: content.contracts
        .filter((k) => keptIds.has(k.customerExternalId))
        .map((k, i) => (i === 0 ? { ...k, deleted: true } : k)),
      payments: content.payments.filter((p) =>
        content.contracts.some(
          (k) => k.externalId === p.contractExternalId && keptIds.has(k.customerExternalId),
        ),
      ),
    };
    const outcome = await importFile(
      await writeTemp(
        'full.xml',
        writeImportFile(next, { generatedAt: '2026-11-02T00:00:00', onlyChanges: false }),
      ),
    );
    expect(outcome.status).toBe('imported');
    const customers = await t.sql<{ external_id: string; archived: boolean }>(
      'SELECT external_id, archived_at IS NOT NULL AS archived FROM customers ORDER BY 1',
    );
    expect(customers.find((c) => c.external_id === gone!.externalId)?.archived).toBe(true);
    expect(customers.filter((c) => keptIds.has(c.external_id)).every((c) => !c.archived)).toBe(
      true,
    );
    const archivedContracts = await t.sql<{ external_id: string }>(
      'SELECT external_id FROM contracts WHERE archived_at IS NOT NULL ORDER BY 1',
    );
    const expectedArchived = [
      ...content.contracts.filter((k) => k.customerExternalId === gone!.externalId),
      next.contracts[0]!,
    ]
      .map((k) => k.externalId)
      .sort();
    expect(archivedContracts.map((r) => r.external_id)).toEqual(expectedArchived);
    // Archived data is kept, not deleted.
    expect(await t.sql('SELECT 1 FROM contracts')).toHaveLength(content.contracts.length);
    // What was paid follows the payments: archived ones no longer count.
    const archivedPayments = await t.sql(
      'SELECT 1 FROM contract_payments WHERE archived_at IS NOT NULL',
    );
    expect(archivedPayments.length).toBeGreaterThan(0);
    const wrongPaid = await t.sql(
      `SELECT c.external_id, c.paid FROM contracts c
        WHERE c.paid <> COALESCE((SELECT sum(p.amount) FROM contract_payments p
                                   WHERE p.contract_id = c.id AND p.archived_at IS NULL), 0)`,
    );
    expect(wrongPaid).toEqual([]);
  });
});

describe('exchange runs, the admin API and the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const inbox = () => join(t.exchangeDir, 'inbox');
  beforeAll(async () => {
    await mkdir(join(inbox(), 'processing'), { recursive: true });
  });

  it('a cycle imports inbox files in name order, moves them and records the run', async () => {
    const a = generateContent({ customers: 2, seed: 11, idPrefix: 'runa' });
    await writeFile(
      join(inbox(), 'b-second.xml'),
      writeImportFile(a, { generatedAt: '2026-11-23T10:00:00' }),
    );
    await writeFile(
      join(inbox(), 'a-first.xml'),
      readFileSync(join(SAMPLES_DIR, 'ok', 'orders-2.03-windows-1251.xml')),
    );
    await writeFile(join(inbox(), 'c-broken.xml'), '<КоммерческаяИнформация><Документ>');
    await writeFile(join(inbox(), 'ignored.xml.tmp'), 'partial');
    const result = await t.app.get(ExchangeService).runCycle('manual');
    expect(result!.files.map((f) => [f.name, f.status])).toEqual([
      ['a-first.xml', 'imported'],
      ['b-second.xml', 'imported'],
      ['c-broken.xml', 'failed'],
    ]);
    expect(result!.status).toBe('failed');
    expect((await readdir(inbox())).sort()).toEqual([
      'failed',
      'ignored.xml.tmp',
      'processed',
      'processing',
    ]);
    const failed = await readdir(join(inbox(), 'failed'));
    expect(failed).toHaveLength(2);
    const report = failed.find((f) => f.endsWith('.error.txt'))!;
    expect(await readFile(join(inbox(), 'failed', report), 'utf8')).toMatch(/line \d+/);
    expect(await readdir(join(inbox(), 'processed'))).toHaveLength(2);
  });

  it('shows runs, files, errors and the original to an admin, and data freshness to customers', async () => {
    const admin = await loginStaff(t, 'admin');
    const runs = await admin.api.GET('/api/exchange/runs', {});
    const run = runs.data!.items.find((r) => r.trigger === 'manual')!;
    expect(run).toMatchObject({ status: 'failed', filesImported: 2, filesFailed: 1 });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    const broken = run.files.find((f) => f.name === 'c-broken.xml')!;
    expect(broken.errorLine).toBeGreaterThan(0);
    const report = await admin.fetch(`${t.baseUrl}/api/exchange/files/${broken.id}/report`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('c-broken.xml');
    const first = run.files.find((f) => f.name === 'a-first.xml')!;
    const original = await admin.fetch(`${t.baseUrl}/api/exchange/files/${first.id}/original`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-disposition')).toBe('attachment; filename=a-first.xml');
    expect(Buffer.from(await original.arrayBuffer())).toEqual(
      readFileSync(join(SAMPLES_DIR, 'ok', 'orders-2.03-windows-1251.xml')),
    );
    const status = await admin.api.GET('/api/exchange/status', {});
    expect(status.data).toMatchObject({ sourceKind: 'local', running: false });
    expect(status.data!.lastImportAt).not.toBeNull();

    const customer = await loginCustomer(t, '+79123456789');
    const list = await customer.api.GET('/api/contracts', {});
    const contract = await customer.api.GET('/api/contracts/{id}', {
      params: { path: { id: list.data!.items[0]!.id } },
    });
    expect(contract.data!.dataAsOf).toBe(status.data!.lastImportAt);
  });

  it('an admin uploads a file by hand; it is imported through the inbox', async () => {
    const admin = await loginStaff(t, 'admin');
    const content = generateContent({ customers: 1, seed: 21, idPrefix: 'upl' });
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' }))]),
      'hand-upload.xml',
    );
    const res = await admin.fetch(`${t.baseUrl}/api/exchange/uploads`, {
      method: 'POST',
      headers: { 'x-csrf-token': admin.cookies.get('kabinet_csrf') ?? '' },
      body: form,
    });
    expect(res.status).toBe(202);
    const status = await waitFor('the uploaded file to be imported', async () => {
      const rows = await t.sql<{ status: string }>(
        `SELECT status FROM exchange_files WHERE name = 'hand-upload.xml'`,
      );
      return rows[0]?.status === 'importing' ? undefined : rows[0]?.status;
    });
    expect(status).toBe('imported');
    expect(await t.sql(`SELECT 1 FROM customers WHERE external_id = 'upl-c-0'`)).toHaveLength(1);

    const bad = new FormData();
    bad.append('file', new Blob(['x']), '../../etc/passwd');
    const refused = await admin.fetch(`${t.baseUrl}/api/exchange/uploads`, {
      method: 'POST',
      headers: { 'x-csrf-token': admin.cookies.get('kabinet_csrf') ?? '' },
      body: bad,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: unknown[] }).fields).toEqual([
      { path: 'file', message: expect.stringContaining('.xml') as string },
    ]);
  });

  it('"run now" answers 409 while another replica holds the cycle', async () => {
    const admin = await loginStaff(t, 'admin');
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [0x1ccab1]);
      expect(await t.app.get(ExchangeService).runCycle('manual')).toBeNull();
      const res = await admin.post('/api/exchange/runs', {});
      expect(res.status).toBe(409);
      expect(((await res.json()) as { code: string }).code).toBe('conflict');
    } finally {
      await c.end();
    }
  });

  it('exports each change exactly once, as numbered files in the outbox', async () => {
    const exportsSvc = t.app.get(ExportService);
    const ds = t.app.get(ExchangeService);
    const source = t.app.get<Database>(DB);
    await source.transaction(async (tx) => {
      await exportsSvc.enqueue(tx, {
        kind: 'profile_change_request',
        customerExternalId: 'c0a80101-1c00-4d1a-9000-000000000001',
        field: 'email',
        oldValue: 'ivanova.mp@example.ru',
        newValue: 'maria@example.ru',
        comment: null,
      });
      await exportsSvc.enqueue(tx, {
        kind: 'online_payment',
        customerExternalId: 'c0a80101-1c00-4d1a-9000-000000000001',
        contractExternalId: 'd0c00001-2a00-4b00-8000-000000000101',
        amount: '5000.00',
        currency: 'RUB',
        providerPaymentId: 'pay-123',
        paidAt: '2026-11-23T10:00:00',
      });
    });
    // A change whose transaction rolls back never goes out.
    await source
      .transaction(async (tx) => {
        await exportsSvc.enqueue(tx, {
          kind: 'offer_request',
          customerExternalId: 'c0a80101-1c00-4d1a-9000-000000000001',
          offerExternalId: null,
          title: 'rolled back',
          comment: null,
        });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const first = await ds.runCycle('manual');
    expect(first!.exported).toBe(2);
    const outbox = join(t.exchangeDir, 'outbox');
    expect(await readdir(outbox)).toEqual(['kabinet-000001.xml']);
    const xml = await readFile(join(outbox, 'kabinet-000001.xml'), 'utf8');
    expect(xml).toContain('maria@example.ru');
    expect(xml).toContain('5000.00');
    expect(xml).not.toContain('rolled back');
    const second = await ds.runCycle('manual');
    expect(second!.exported).toBe(0);
    expect(await readdir(outbox)).toEqual(['kabinet-000001.xml']);

    // A crash after the file was numbered but before it was written: the next run writes the
    // same bytes under the same name.
    await rm(join(outbox, 'kabinet-000001.xml'));
    await t.sql(`UPDATE exchange_export_files SET status = 'pending', written_at = NULL`);
    await ds.runCycle('manual');
    expect(await readFile(join(outbox, 'kabinet-000001.xml'), 'utf8')).toBe(xml);
    const admin = await loginStaff(t, 'admin');
    const list = await admin.api.GET('/api/exchange/exports', {});
    expect(list.data!.items).toMatchObject([{ number: 1, changeCount: 2, status: 'written' }]);
  });

  it('files left in processing/ by a killed run are imported again', async () => {
    const content = generateContent({ customers: 1, seed: 31, idPrefix: 'stuck' });
    await writeFile(
      join(inbox(), 'processing', 'stuck.xml'),
      writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' }),
    );
    await t.sql(
      `INSERT INTO exchange_runs (trigger, status, source, started_at) VALUES ('schedule', 'running', 'x', now())`,
    );
    const result = await t.app.get(ExchangeService).runCycle('manual');
    expect(result!.files.map((f) => [f.name, f.status])).toEqual([['stuck.xml', 'imported']]);
    expect(await t.sql(`SELECT status FROM exchange_runs WHERE source = 'x'`)).toEqual([
      { status: 'interrupted' },
    ]);
  });

  it('a cycle with nothing to do records no run, only when it looked', async () => {
    const admin = await loginStaff(t, 'admin');
    const runs = async () => (await admin.api.GET('/api/exchange/runs', {})).data!;
    const before = await runs();
    const count = async () =>
      (await t.sql<{ n: string }>('SELECT count(*) AS n FROM exchange_runs'))[0]!.n;
    const rows = await count();
    // The inbox holds only a *.tmp (never taken) and the outbox has nothing pending.
    t.clock.advance(60_000);
    const idle = await t.app.get(ExchangeService).runCycle('schedule');
    expect(idle).toMatchObject({ runId: null, status: 'succeeded', files: [], exported: 0 });
    t.clock.advance(60_000);
    await t.app.get(ExchangeService).runCycle('manual');
    expect(await count()).toBe(rows);
    const status = (await admin.api.GET('/api/exchange/status', {})).data!;
    expect(status.lastCheckedAt).toBe(t.clock.now().toISOString());
    expect(status.lastImportAt).not.toBe(status.lastCheckedAt);

    // Idle runs recorded by earlier versions are not listed either.
    await t.sql(
      `INSERT INTO exchange_runs (trigger, status, source, started_at, finished_at)
       VALUES ('schedule', 'succeeded', 'idle', now(), now())`,
    );
    const after = await runs();
    expect(after.total).toBe(before.total);
    expect(after.items.map((r) => r.id)).toEqual(before.items.map((r) => r.id));

    // Something to do again: a file in the inbox makes a run.
    const content = generateContent({ customers: 1, seed: 41, idPrefix: 'again' });
    await writeFile(
      join(inbox(), 'again.xml'),
      writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' }),
    );
    const busy = await t.app.get(ExchangeService).runCycle('schedule');
    expect(busy!.runId).not.toBeNull();
    expect((await runs()).items.find((r) => r.id === busy!.runId)).toMatchObject({
      trigger: 'schedule',
      filesImported: 1,
    });
  });
});
