import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  loginCustomer,
  loginStaff,
  primeCsrf,
  startTestApp,
  type TestApp,
  type TestClient,
} from './helpers';

const IVANOVA = '+79123456789';
const SMIRNOV = '+79031112233';

/** The standard 14 fonts every PDF viewer has: a PDF using them embeds no Cyrillic. */
const BASE_14 =
  /^(Times-(Roman|Bold|Italic|BoldItalic)|Helvetica(-Bold|-Oblique|-BoldOblique)?|Courier(-Bold|-Oblique|-BoldOblique)?|Symbol|ZapfDingbats)$/;

const run = promisify(execFile);

/** Runs a poppler tool (Debian's poppler-utils) on the PDF; answers its stdout. */
async function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Buffer, args: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-pdf-'));
  try {
    const file = join(dir, 'items.pdf');
    await writeFile(file, pdf);
    const out = tool === 'pdftotext' ? ['-'] : [];
    return (await run(`/usr/bin/${tool}`, [...args, file, ...out], { encoding: 'utf8' })).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text as laid out on the pages (pages split by \f), no-break spaces as plain ones. */
const text = async (pdf: Buffer) =>
  (await poppler('pdftotext', pdf, ['-layout'])).replace(/[\u00a0\u202f]/g, ' ');
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');
/**
 * The text in drawing order without any white space: a cell's wrapped lines come together, so a
 * long name is found whole wherever it was broken.
 */
const solid = async (pdf: Buffer) => (await poppler('pdftotext', pdf, ['-raw'])).replace(/\s/g, '');
const noSpace = (s: string) => s.replace(/\s/g, '');

describe('goods and services as a PDF', () => {
  let t: TestApp;
  let ivanova: TestClient;
  let own = '';
  let foreign = '';
  let closed = '';
  const download = (c: TestClient, id: string, init: RequestInit = {}) =>
    c.fetch(`${t.baseUrl}/api/contracts/${id}/items.pdf`, init);
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    const rows = await t.sql<{ id: string; number: string }>('SELECT id, number FROM contracts');
    const id = (number: string) => rows.find((r) => r.number === number)!.id;
    own = id('ГМ-000101');
    closed = id('ГМ-000045');
    foreign = id('РМ-000017');
    // "Data from 1C as of" a known moment: 12:00 in Moscow.
    await t.sql(`UPDATE exchange_files SET finished_at = '2026-11-20T09:00:00Z'`);
    ivanova = await loginCustomer(t, IVANOVA);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(11 * 60 * 1000)); // clear of the per-phone code limit

  it('gives the customer her contract’s lines as a PDF with an embedded Cyrillic font', async () => {
    const res = await download(ivanova, own);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="GM-000101 tovary i uslugi\.pdf"; /);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(
      'ГМ-000101 товары и услуги.pdf',
    );
    const pdf = await bytes(res);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers.get('content-length'))).toBe(pdf.length);

    const json = await ivanova.api.GET('/api/contracts/{id}', { params: { path: { id: own } } });
    const page = await text(pdf);
    const drawn = await solid(pdf);
    expect(page).toContain('Товары и услуги');
    expect(squeeze(page)).toContain('Договор № ГМ-000101 от 14.09.2026');
    expect(page).toContain('Иванова Мария Петровна');
    expect(page).toContain('Соколова Анна Викторовна, +7 495 120-10-01');
    expect(page).toContain('Данные из 1С на 20.11.2026, 12:00');
    expect(json.data!.items.length).toBe(5);
    for (const item of json.data!.items) expect(drawn).toContain(noSpace(item.name));
    expect(squeeze(page)).toMatch(/Итого 148 500,00 ₽/);
    expect(page).toMatch(/Гравировка текста, за знак\s+Услуга\s+40\s+\S+\s+150,00 ₽\s+6 000,00 ₽/);
    expect(page).not.toContain('Стр.'); // one page: no page numbers

    const fonts = (await poppler('pdffonts', pdf))
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        const [name = '', ...rest] = line.trim().split(/\s+/);
        // name, type (1–2 words), encoding, emb, sub, uni, object, generation
        return { name: name.replace(/^[A-Z]{6}\+/, ''), emb: rest.at(-5) };
      });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.emb === 'yes')).toBe(true);
    expect(fonts.map((f) => f.name)).toEqual(
      expect.arrayContaining(['DejaVuSans', 'DejaVuSans-Bold']),
    );
    expect(fonts.filter((f) => BASE_14.test(f.name))).toEqual([]);
  });

  it('is a download, not a visit: nothing is marked as seen or read', async () => {
    const smirnov = await loginCustomer(t, SMIRNOV);
    const views = () =>
      t.sql('SELECT 1 FROM contract_views WHERE contract_id = $1', [foreign]).then((r) => r.length);
    const unread = () =>
      t
        .sql('SELECT 1 FROM notifications WHERE contract_id = $1 AND read_at IS NULL', [foreign])
        .then((r) => r.length);
    const before = { views: await views(), unread: await unread() };
    expect((await download(smirnov, foreign)).status).toBe(200);
    expect({ views: await views(), unread: await unread() }).toEqual(before);
  });

  it('breaks a long list over pages, repeating the header and numbering the pages', async () => {
    await t.sql('DELETE FROM contract_items WHERE contract_id = $1', [closed]);
    await t.sql(
      `INSERT INTO contract_items (contract_id, line_no, name, kind, quantity, unit, price, amount)
       SELECT $1, n,
              CASE WHEN n % 10 = 0
                THEN 'Строка ' || n || ': плитка керамогранитная 600×600, укладка на клей с ' ||
                     'затиркой швов, подрезкой и выравниванием по уровню, с вывозом мусора'
                ELSE 'Строка ' || n || ': ёмкость «Щука» №' || n END,
              CASE WHEN n % 2 = 0 THEN 'service' ELSE 'goods' END,
              1.5, 'м²', 1000.10, 1500.15
         FROM generate_series(1, 80) n`,
      [closed],
    );
    await t.sql(`UPDATE contracts SET total = 120012.00 WHERE id = $1`, [closed]);

    const res = await download(ivanova, closed);
    expect(res.status).toBe(200);
    const pdf = await bytes(res);
    const pages = (await text(pdf)).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toMatch(/№\s+Наименование\s+Тип\s+Кол-во\s+Ед\.\s+Цена\s+Сумма/);
      expect(p, `page ${i + 1}`).toContain(`Стр. ${i + 1} из ${pages.length}`);
    });
    expect(pages[1]).toContain('Стр. 2 из');
    const drawn = await solid(pdf);
    for (let n = 1; n <= 80; n++) expect(drawn).toContain(noSpace(`Строка ${n}:`));
    expect(drawn).toContain(noSpace('Строка 79: ёмкость «Щука» №79'));
    expect(drawn).toContain(
      noSpace(
        'Строка 80: плитка керамогранитная 600×600, укладка на клей с затиркой швов, ' +
          'подрезкой и выравниванием по уровню, с вывозом мусора',
      ),
    );
    expect(squeeze(pages[0]!)).toMatch(/1,5 м² 1 000,10 ₽ 1 500,15 ₽/);
    expect(squeeze(pages.at(-1)!)).toContain('Итого 120 012,00 ₽');
  });

  it('speaks English when asked, by Accept-Language or lang', async () => {
    const en = await download(ivanova, own, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toContain(
      'filename="GM-000101 goods and services.pdf"',
    );
    const page = await text(await bytes(en));
    expect(page).toContain('Goods and services');
    expect(squeeze(page)).toContain('Contract No. ГМ-000101 of 14/09/2026');
    expect(squeeze(page)).toContain('Total ₽148,500.00');

    const ru = await ivanova.fetch(`${t.baseUrl}/api/contracts/${own}/items.pdf?lang=ru`, {
      headers: { 'accept-language': 'en' },
    });
    expect(await text(await bytes(ru))).toContain('Товары и услуги');
    const bad = await ivanova.fetch(`${t.baseUrl}/api/contracts/${own}/items.pdf?lang=de`);
    expect(bad.status).toBe(400);
  });

  it('answers 404 for another customer’s contract and 401 without a session', async () => {
    const other = await download(ivanova, foreign);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect((await download(ivanova, 'not-a-uuid')).status).toBe(404);
    const anonymous = t.client();
    await primeCsrf(anonymous);
    expect((await download(anonymous, own)).status).toBe(401);
  });

  it('works for staff and while viewing as the customer (read-only)', async () => {
    const manager = await loginStaff(t, 'sokolova');
    expect((await download(manager, own)).status).toBe(200);
    expect((await download(manager, foreign)).status).toBe(404);
    const admin = await loginStaff(t, 'admin');
    const people = await t.sql<{ id: string }>('SELECT id FROM customers WHERE phone = $1', [
      IVANOVA,
    ]);
    const viewAs = await admin.post('/api/view-as', { customerId: people[0]!.id });
    expect(viewAs.status).toBe(204);
    const res = await download(admin, own);
    expect(res.status).toBe(200);
    expect((await bytes(res)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await download(admin, foreign)).status).toBe(404);
  });
});
