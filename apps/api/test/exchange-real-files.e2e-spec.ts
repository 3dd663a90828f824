import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';
import { FileImporterService } from '../src/modules/exchange/file-importer.service';
import { importLocalFile } from '../src/modules/exchange/exchange-runs';
import { notesReport, type ImportOutcome } from '../src/modules/exchange/import-ledger';
import { DB, type Database } from '../src/database/sql';
import {
  loginCustomer as login,
  loginStaff,
  startTestApp,
  type TestApp,
  type TestClient,
} from './helpers';

/**
 * One session per phone for the whole file: a second code for the same phone within a minute is
 * refused (the resend spacing), as it would be for a person.
 */
const sessions = new Map<string, Promise<TestClient>>();
function loginCustomer(t: TestApp, phone: string): Promise<TestClient> {
  if (!sessions.has(phone)) sessions.set(phone, login(t, phone));
  return sessions.get(phone)!;
}

// What a customer and an admin see after stock 1C and 1C-Bitrix exports that leave "required"
// elements empty, carry companies with requisites, VAT included or on top, work phones, names
// typed over several lines, and catalogues (the golden files in libs/exchange-1c/samples/ok).

const sample = (name: string) => join(SAMPLES_DIR, 'ok', name);
const run = promisify(execFile);

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-pdf-'));
  try {
    const file = join(dir, 'items.pdf');
    await writeFile(file, pdf);
    const out = await run('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return out.stdout.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('real 1C files: fallbacks, requisites, VAT, phones, whitespace, catalogues', () => {
  let t: TestApp;
  const outcomes = new Map<string, ImportOutcome>();
  const imported = (name: string) => {
    const o = outcomes.get(name)!;
    if (o.status !== 'imported') throw new Error(`${name}: ${o.status}`);
    return o;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get<Database>(DB);
    for (const name of [
      'site-guest-orders-2.08.xml',
      'legal-entity-vat-included-2.10.xml',
      'vat-on-top-windows-1251.xml',
      'catalog-2.08-utf8-bom.xml',
    ]) {
      // Through a run of its own, as `kabinet import` and the exchange page record it.
      const result = await importLocalFile(
        {
          db,
          now: () => t.clock.now(),
          importFile: (request) => t.app.get(FileImporterService).import(request),
        },
        sample(name),
        'cli',
      );
      outcomes.set(name, result.files[0]!);
    }
  });
  afterAll(() => t.close());

  it('a buyer with an empty Наименование, or no name at all, is imported with a warning, not refused', async () => {
    const o = imported('site-guest-orders-2.08.xml');
    expect(o.counts.created).toBeGreaterThan(0);
    expect(o.warningCount).toBe(4);
    expect(o.warnings.map((w) => [w.code, w.record, w.line])).toEqual([
      ['name_fallback', 'Контрагент guest-3157', 21],
      ['address_empty', 'Контрагент guest-3157', 26],
      ['name_fallback', 'Контрагент guest-3158', 108],
      ['address_empty', 'Контрагент guest-3158', 109],
    ]);
    const customers = await t.sql<{ external_id: string; full_name: string; phone: string }>(
      `SELECT external_id, full_name, phone FROM customers
        WHERE external_id LIKE 'guest-%' ORDER BY external_id`,
    );
    expect(customers).toEqual([
      { external_id: 'guest-3157', full_name: 'Ковалёва Дарья Сергеевна', phone: '+79224801516' },
      // Named by its id; its phone came from a «Прочее» contact, so it can log in.
      { external_id: 'guest-3158', full_name: 'Контрагент guest-3158', phone: '+79126007080' },
    ]);
  });

  it('names, statuses and requisites from 1C are shown on one line; the raw item name is kept', async () => {
    const guest = await loginCustomer(t, '+79224801516');
    const list = await guest.api.GET('/api/contracts', {});
    const [summary] = list.data!.items;
    expect(summary!.status).toBe('Принят, ожидает подтверждения');
    const contract = (
      await guest.api.GET('/api/contracts/{id}', { params: { path: { id: summary!.id } } })
    ).data!;
    expect(contract.items.map((i) => i.name)).toEqual([
      'Ваза гранитная круглая, d=20 см',
      'Доставка заказа',
    ]);
    expect(contract.requisites).toContainEqual({
      name: 'Адрес доставки',
      value: '620014, Екатеринбург, ул. Малышева, д. 51, кв. 7',
    });
    // No taxes from 1C: nothing said about VAT, and the lines make the total.
    expect(contract.taxes).toEqual([]);
    expect(contract.itemsTotal).toBe(contract.total);
    const raw = await t.sql<{ name_raw: string | null }>(
      `SELECT i.name_raw FROM contract_items i JOIN contracts c ON c.id = i.contract_id
        WHERE c.number = '3157' ORDER BY i.line_no`,
    );
    expect(raw).toEqual([
      { name_raw: 'Ваза гранитная\n\t\t\t\t\tкруглая,   d=20 см' },
      { name_raw: 'Доставка\tзаказа' },
    ]);
  });

  it('a company logs in with its work phone and sees its requisites and bank accounts', async () => {
    const company = await loginCustomer(t, '+73452506070');
    const profile = (await company.api.GET('/api/profile', {})).data!;
    expect(profile.fullName).toBe('Северный ветер ООО');
    expect(profile.phoneRaw).toBe('+7 (3452) 50-60-70');
    expect(profile.legal).toEqual({
      inn: '7203123456',
      kpp: '720301001',
      officialName: 'Общество с ограниченной ответственностью «Северный ветер»',
      legalAddress: '625000, Тюменская обл., г. Тюмень, ул. Республики, д. 14, офис 301',
      postalAddress: '625003, г. Тюмень, а/я 112',
      bankAccounts: [
        {
          account: '40702810500000012345',
          bankName: 'АО «Банк Пример», г. Тюмень',
          bik: '047102987',
          correspondentAccount: '30101810400000000987',
        },
        {
          account: '40702810900000054321',
          bankName: 'ПАО «Уральский банк»',
          bik: '046577555',
          correspondentAccount: '30101810100000000555',
        },
      ],
    });
    // A private person has no requisites card.
    const guest = await loginCustomer(t, '+79224801516');
    expect((await guest.api.GET('/api/profile', {})).data!.legal).toBeNull();
  });

  it('staff find the company by its ИНН and see it in the customers list', async () => {
    const admin = await loginStaff(t, 'admin');
    const found = await admin.api.GET('/api/customers', { params: { query: { q: '7203123456' } } });
    expect(found.data!.items.map((c) => [c.fullName, c.inn, c.officialName])).toEqual([
      [
        'Северный ветер ООО',
        '7203123456',
        'Общество с ограниченной ответственностью «Северный ветер»',
      ],
    ]);
  });

  it('VAT included: per line rate and amount, «в т. ч. НДС 20 %» in the totals and the PDF', async () => {
    const company = await loginCustomer(t, '+73452506070');
    const [summary] = (await company.api.GET('/api/contracts', {})).data!.items;
    const contract = (
      await company.api.GET('/api/contracts/{id}', { params: { path: { id: summary!.id } } })
    ).data!;
    expect(contract.items.map((i) => [i.amount, i.tax])).toEqual([
      ['45000.00', { name: 'НДС', rate: '20', exempt: false, amount: '7500.00', included: true }],
      ['29250.00', { name: 'НДС', rate: '20', exempt: false, amount: '4875.00', included: true }],
    ]);
    expect(contract.itemsTotal).toBe('74250.00');
    expect(contract.total).toBe('74250.00');
    expect(contract.taxes).toEqual([
      { name: 'НДС', rate: '20', exempt: false, included: true, amount: '12375.00' },
    ]);
    const pdf = await company.fetch(`${t.baseUrl}/api/contracts/${contract.id}/items.pdf?lang=ru`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Итого 74 250,00 ₽');
    expect(text).toContain('в т. ч. НДС 20 % 12 375,00 ₽');
  });

  it('VAT on top: the total is the lines plus the tax, and a line «Без НДС»', async () => {
    // The mobile «нет» is not a number: the work phone with its extension is the login.
    const company = await loginCustomer(t, '+79127774152');
    const profile = (await company.api.GET('/api/profile', {})).data!;
    expect([profile.phone, profile.phoneRaw]).toEqual(['+79127774152', '8-912-777-41-52 доб. 12']);
    expect(profile.legal).toMatchObject({
      inn: '6671234567',
      officialName: 'ООО "Уралкамень"',
      legalAddress: '620075, Екатеринбург, ул. Луначарского, д. 31',
    });
    const [summary] = (await company.api.GET('/api/contracts', {})).data!.items;
    const contract = (
      await company.api.GET('/api/contracts/{id}', { params: { path: { id: summary!.id } } })
    ).data!;
    expect(contract.items.map((i) => i.tax)).toEqual([
      { name: 'НДС', rate: '20', exempt: false, amount: '8000.00', included: false },
      { name: 'НДС', rate: '20', exempt: false, amount: '4800.00', included: false },
      { name: 'НДС', rate: null, exempt: true, amount: null, included: false },
    ]);
    expect([contract.itemsTotal, contract.total]).toEqual(['67500.00', '80300.00']);
    expect(contract.taxes).toEqual([
      { name: 'НДС', rate: '20', exempt: false, included: false, amount: '12800.00' },
    ]);
    const pdf = await company.fetch(`${t.baseUrl}/api/contracts/${contract.id}/items.pdf?lang=ru`);
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Сумма по строкам 67 500,00 ₽');
    expect(text).toContain('НДС сверху 20 % 12 800,00 ₽');
    expect(text).toContain('Итого 80 300,00 ₽');
    expect(text).toContain('Без НДС');
    // The invoice in the same file is skipped, and the run says so.
    expect(imported('vat-on-top-windows-1251.xml').skipped).toEqual([
      { element: 'Документ', detail: 'Счет на оплату', line: 158, count: 1, items: {} },
    ]);
  });

  it('a catalogue is not "created 0": the run says what it skipped and why', async () => {
    const o = imported('catalog-2.08-utf8-bom.xml');
    expect(o.counts).toEqual({ created: 0, updated: 0, unchanged: 0, archived: 0 });
    expect(notesReport(o)).toEqual([
      'Not imported:',
      '  The catalogue’s classifier Классификатор (6 properties) was skipped: importing the catalogue is not supported yet (from line 3)',
      '  The goods catalogue Каталог (540 products) was skipped: importing the catalogue is not supported yet (from line 1517)',
    ]);
  });

  it('the exchange page shows each file’s warnings and skipped parts, and the run’s warning count', async () => {
    const admin = await loginStaff(t, 'admin');
    const runs = (await admin.api.GET('/api/exchange/runs', {})).data!.items;
    const byFile = (name: string) => runs.find((r) => r.files[0]?.name === name)!;
    const guests = byFile('site-guest-orders-2.08.xml');
    expect(guests.warnings).toBe(4);
    const file = guests.files[0]!;
    expect(file).toMatchObject({ status: 'imported', warningCount: 4, hasReport: true });
    expect(file.warnings[0]).toMatchObject({
      code: 'name_fallback',
      record: 'Контрагент guest-3157',
      line: 21,
      params: { name: 'Ковалёва Дарья Сергеевна', from: 'ПолноеНаименование' },
    });
    const report = await admin.fetch(`${t.baseUrl}/api/exchange/files/${file.id}/report`);
    expect(report.status).toBe(200);
    const body = await report.text();
    expect(body).toContain('Kabinet imported site-guest-orders-2.08.xml with 4 warnings');
    expect(body).toContain(
      'line 108, Контрагент guest-3158: ПолноеНаименование, Наименование are empty: named «Контрагент guest-3158» (from Ид)',
    );
    const catalogue = byFile('catalog-2.08-utf8-bom.xml').files[0]!;
    expect(catalogue).toMatchObject({ warningCount: 0, hasReport: true });
    expect(catalogue.skippedSections).toEqual([
      { element: 'Классификатор', detail: null, line: 3, count: 1, items: { Свойство: 6 } },
      { element: 'Каталог', detail: null, line: 1517, count: 1, items: { Товар: 540 } },
    ]);
    // A file with nothing to say has no report.
    const legal = byFile('legal-entity-vat-included-2.10.xml').files[0]!;
    expect(legal.hasReport).toBe(false);
    const none = await admin.fetch(`${t.baseUrl}/api/exchange/files/${legal.id}/report`);
    expect(none.status).toBe(404);
  });

  it('no valid phone at all: the customer is imported, the raw text kept, and a warning says it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-phone-'));
    try {
      const path = join(dir, 'no-phone.xml');
      await writeFile(
        path,
        `<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация ВерсияСхемы="2.08" ДатаФормирования="2026-11-24T12:00:00">
<Контрагенты><Контрагент><Ид>np-1</Ид><Наименование>Без телефона</Наименование>
<Контакты><Контакт><Тип>Телефон рабочий</Тип><Значение>звонить секретарю</Значение></Контакт></Контакты>
</Контрагент></Контрагенты></КоммерческаяИнформация>`,
      );
      const outcome = await t.app
        .get(FileImporterService)
        .import({ localPath: path, name: 'no-phone.xml', runId: null });
      expect(outcome.status).toBe('imported');
      if (outcome.status !== 'imported') return;
      expect(outcome.warnings.map((w) => [w.code, w.record, w.line])).toEqual([
        ['phone_invalid', 'Контрагент np-1', 3],
      ]);
      expect(
        await t.sql(`SELECT phone, phone_raw FROM customers WHERE external_id = 'np-1'`),
      ).toEqual([{ phone: null, phone_raw: 'звонить секретарю' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
