import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';

const IVANOVA = '+79123456789';
const SMIRNOV = '+79031112233';
const DEMO = readFileSync(join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml'), 'utf8');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
const HTML = Buffer.from('<html><script>alert("pdf")</script></html>');

interface Doc {
  id: string;
  kind?: string;
  title: string;
  date?: string;
  fileName: string;
  bytes?: Buffer;
  data?: string;
}

/**
 * The demo file with contract ГМ-000101's `Кабинет:Документы` replaced by these documents, or
 * (null) without the element at all.
 */
function demoWithDocuments(docs: Doc[] | null): string {
  const start = DEMO.indexOf('<Номер>ГМ-000101</Номер>');
  const end = DEMO.indexOf('</Документ>', start);
  const contract = DEMO.slice(start, end).replace(
    /<Кабинет:Документы>[\s\S]*?<\/Кабинет:Документы>/,
    '',
  );
  const block =
    docs === null
      ? ''
      : `<Кабинет:Документы>${docs
          .map(
            (d) =>
              `<Кабинет:Документ><Кабинет:Ид>${d.id}</Кабинет:Ид>${
                d.kind ? `<Кабинет:Вид>${d.kind}</Кабинет:Вид>` : ''
              }<Кабинет:Наименование>${d.title}</Кабинет:Наименование>${
                d.date ? `<Кабинет:Дата>${d.date}</Кабинет:Дата>` : ''
              }<Кабинет:ИмяФайла>${d.fileName}</Кабинет:ИмяФайла><Кабинет:Данные>${
                d.data ?? d.bytes!.toString('base64').replace(/(.{76})/g, '$1\n')
              }</Кабинет:Данные></Кабинет:Документ>`,
          )
          .join('')}</Кабинет:Документы>`;
  return DEMO.slice(0, start) + contract + block + DEMO.slice(end);
}

describe('contract documents', () => {
  let t: TestApp;
  let ivanova: TestClient;
  let smirnov: TestClient;
  let contractId: string;
  let n = 0;

  const importXml = async (xml: string) => {
    const file = join(t.exchangeDir, `documents-${++n}.xml`);
    writeFileSync(file, xml);
    return t.app.get(ExchangeService).importLocalFile(file, 'cli');
  };
  const documents = async () =>
    (await ivanova.api.GET('/api/contracts/{id}', { params: { path: { id: contractId } } })).data!
      .documents;
  const fileUrl = (docId: string, contract = contractId) =>
    `${t.baseUrl}/api/contracts/${contract}/documents/${docId}/file`;

  beforeAll(async () => {
    t = await startTestApp();
    ivanova = await loginCustomer(t, IVANOVA);
    smirnov = await loginCustomer(t, SMIRNOV);
    const list = await ivanova.api.GET('/api/contracts', { params: { query: { q: 'ГМ-000101' } } });
    contractId = list.data!.items[0]!.id;
  });
  afterAll(() => t.close());

  it('imports documents from 1C and shows PDFs and images in the browser, others as downloads', async () => {
    // The demo company brings a signed contract and a sketch.
    expect((await documents()).map((d) => [d.fileName, d.mime])).toEqual([
      ['Эскиз памятника.png', 'image/png'],
      ['Договор ГМ-000101.pdf', 'application/pdf'],
    ]);
    const result = await importXml(
      demoWithDocuments([
        {
          id: 'd-1',
          kind: 'Договор',
          title: 'Договор № ГМ-000101',
          date: '2026-09-14',
          fileName: 'Договор ГМ-000101.pdf',
          bytes: PDF,
        },
        {
          id: 'd-2',
          kind: 'Эскиз',
          title: 'Эскиз памятника',
          date: '2026-09-20',
          fileName: 'эскиз.png',
          bytes: PNG,
        },
        { id: 'd-3', title: 'Смета', fileName: 'smeta.pdf', bytes: HTML },
      ]),
    );
    expect(result.status).toBe('succeeded');
    const list = await documents();
    expect(list.map((d) => [d.title, d.kind, d.date, d.mime, d.viewable, d.size])).toEqual([
      ['Эскиз памятника', 'Эскиз', '2026-09-20', 'image/png', true, PNG.length],
      ['Договор № ГМ-000101', 'Договор', '2026-09-14', 'application/pdf', true, PDF.length],
      // Named .pdf but HTML inside: never shown inline.
      ['Смета', 'Документ', null, 'application/octet-stream', false, HTML.length],
    ]);
    const [png, pdf, html] = list;

    const shown = await ivanova.fetch(fileUrl(pdf!.id));
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('application/pdf');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; filename="/);
    expect(shown.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Договор ГМ-000101.pdf')}`,
    );
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PDF);

    const saved = await ivanova.fetch(`${fileUrl(pdf!.id)}?download=true`);
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment;/);
    const savedToo = await ivanova.fetch(`${fileUrl(pdf!.id)}?download=1`);
    expect(savedToo.headers.get('content-disposition')).toMatch(/^attachment;/);
    const notSaved = await ivanova.fetch(`${fileUrl(pdf!.id)}?download=false`);
    expect(notSaved.headers.get('content-disposition')).toMatch(/^inline;/);
    const image = await ivanova.fetch(fileUrl(png!.id));
    expect(image.headers.get('content-type')).toBe('image/png');
    const other = await ivanova.fetch(fileUrl(html!.id));
    expect(other.headers.get('content-type')).toBe('application/octet-stream');
    expect(other.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await other.arrayBuffer())).toEqual(HTML);

    // Nobody else's: another customer, a manager of other customers, a wrong contract id.
    expect((await smirnov.fetch(fileUrl(pdf!.id))).status).toBe(404);
    const orlov = await loginStaff(t, 'orlov');
    expect((await orlov.fetch(fileUrl(pdf!.id))).status).toBe(404);
    const sokolova = await loginStaff(t, 'sokolova');
    expect((await sokolova.fetch(fileUrl(pdf!.id))).status).toBe(200);
    const smirnovContract = (await smirnov.api.GET('/api/contracts')).data!.items[0]!.id;
    expect((await smirnov.fetch(fileUrl(pdf!.id, smirnovContract))).status).toBe(404);
    expect((await ivanova.fetch(fileUrl('not-a-uuid'))).status).toBe(404);
    expect((await t.client().fetch(fileUrl(pdf!.id))).status).toBe(401);
  });

  it('marks the contract changed, keeps documents a file does not mention, withdraws unlisted ones', async () => {
    const before = await documents();
    await ivanova.api.POST('/api/contracts/{id}/seen', { params: { path: { id: contractId } } });
    // Opened: not changed any more.
    let summary = (await ivanova.api.GET('/api/contracts')).data!.items.find(
      (c) => c.id === contractId,
    )!;
    expect(summary.changed).toBe(false);
    // A file without Кабинет:Документы leaves them as they are.
    await importXml(
      demoWithDocuments(null).replace(
        'ДатаФормирования="2026-11-20T08:00:00"',
        'ДатаФормирования="2026-11-21T08:00:00"',
      ),
    );
    expect((await documents()).map((d) => d.id)).toEqual(before.map((d) => d.id));
    // A file listing only the contract: the others are withdrawn, and the customer sees a change.
    await importXml(
      demoWithDocuments([
        {
          id: 'd-1',
          kind: 'Договор',
          title: 'Договор № ГМ-000101 (подписан)',
          date: '2026-09-14',
          fileName: 'Договор.pdf',
          bytes: PDF,
        },
      ]),
    );
    // Checked before opening the contract (opening it clears the mark).
    summary = (await ivanova.api.GET('/api/contracts')).data!.items.find(
      (c) => c.id === contractId,
    )!;
    expect(summary.changed).toBe(true);
    const after = await documents();
    expect(after.map((d) => d.title)).toEqual(['Договор № ГМ-000101 (подписан)']);
    expect(after[0]!.id).toBe(before[1]!.id);
    const withdrawn = before.find((d) => d.title === 'Эскиз памятника')!;
    expect((await ivanova.fetch(fileUrl(withdrawn.id))).status).toBe(404);
    // The same bytes (imported twice, under two names) are stored once.
    const sha = createHash('sha256').update(PDF).digest('hex');
    const files = await t.sql<{ n: string }>(
      'SELECT count(*) AS n FROM stored_files WHERE sha256 = $1',
      [sha],
    );
    expect(Number(files[0]!.n)).toBe(1);
  });

  it('refuses a broken document with its line and writes nothing of the file', async () => {
    const before = await documents();
    const result = await importXml(
      demoWithDocuments([{ id: 'd-9', title: 'Акт', fileName: 'act.pdf', data: 'not base64!' }]),
    );
    expect(result.status).toBe('failed');
    const failed = result.files[0]!;
    expect(failed.status).toBe('failed');
    if (failed.status !== 'failed') return;
    expect(failed.report).toMatch(/not valid base64/);
    expect(failed.report).toMatch(/line \d+/i);
    expect(await documents()).toEqual(before);
    const named = await importXml(
      demoWithDocuments([{ id: 'd-9', title: 'Акт', fileName: '../../etc/passwd', bytes: PDF }]),
    );
    expect(named.status).toBe('failed');
    expect(await documents()).toEqual(before);
  });
});
