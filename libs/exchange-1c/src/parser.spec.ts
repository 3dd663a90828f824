import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateContent } from './generate';
import { ExchangeFormatError } from './parser';
import type { ContractRecord, CustomerRecord, ExchangeRecord } from './records';
import { SAMPLES_DIR } from './samples';
import { parseBytes } from './testing';
import { writeImportFile, type ImportFileContent } from './writer';

const ok = (name: string) => readFileSync(join(SAMPLES_DIR, 'ok', name));
const notOk = (name: string) => readFileSync(join(SAMPLES_DIR, 'not-ok', name));
const expected = JSON.parse(
  readFileSync(join(SAMPLES_DIR, 'not-ok', 'expected.json'), 'utf8'),
) as Record<string, { stage: 'parse' | 'import'; message: string; line: number | null }>;

async function failure(bytes: Buffer, chunk?: number): Promise<ExchangeFormatError> {
  try {
    await parseBytes(bytes, chunk);
  } catch (err) {
    if (err instanceof ExchangeFormatError) return err;
    throw err;
  }
  throw new Error('parsed without an error');
}

/** Records by type, customers deduplicated (each order carries its buyer). */
function byType(records: ExchangeRecord[]) {
  const customers = new Map<string, CustomerRecord>();
  for (const r of records) if (r.type === 'customer') customers.set(r.record.externalId, r.record);
  return {
    staff: records.flatMap((r) => (r.type === 'staff' ? [r.record] : [])),
    customers: [...customers.values()].sort((a, b) => a.externalId.localeCompare(b.externalId)),
    contracts: records.flatMap((r) => (r.type === 'contract' ? [r.record] : [])),
    payments: records.flatMap((r) => (r.type === 'payment' ? [r.record] : [])),
  };
}

function sorted(content: ImportFileContent) {
  return {
    ...content,
    customers: [...content.customers].sort((a, b) => a.externalId.localeCompare(b.externalId)),
  };
}

describe('golden files: ok', () => {
  const files = readdirSync(join(SAMPLES_DIR, 'ok')).filter((f) => f.endsWith('.xml'));

  it.each(files)('%s parses', async (name) => {
    const { header, records } = await parseBytes(ok(name));
    expect(header).not.toBeNull();
    expect(records.every((r) => r.line > 0)).toBe(true);
  });

  it('the real windows-1251 order from 1C: buyer, lines, money as strings, the payment', async () => {
    const { header, records } = await parseBytes(ok('orders-2.03-windows-1251.xml'));
    expect(header).toMatchObject({
      schemaVersion: '2.03',
      encoding: 'windows-1251',
      namespace: null,
    });
    const { customers, contracts, payments } = byType(records);
    expect(customers).toMatchObject([
      { externalId: '1#admin#Петров Петр', fullName: 'Петр Петров' },
    ]);
    const [order] = contracts as [ContractRecord];
    expect(order).toMatchObject({
      externalId: '20',
      number: '20',
      date: '2007-10-16',
      total: '9683.42',
      currency: 'RUB',
      status: 'Доставлен',
      closed: true,
      kind: 'other',
    });
    expect(order.items.map((i) => [i.name, i.kind, i.quantity, i.price, i.amount])).toEqual([
      ['Доставка заказа', 'service', '1', '348.00', '348.00'],
      ['Комбайн MOULINEX A77 4C', 'goods', '1.00', '9335.42', '9335.42'],
    ]);
    expect(order.requisites).toContainEqual({ name: 'Метод оплаты', value: 'Наличный расчет' });
    expect(payments).toEqual([
      {
        externalId: '20#payment',
        number: 'ТК000000026',
        date: '2007-10-16',
        contractExternalId: '20',
        amount: '9683.42',
        currency: 'RUB',
        method: 'Наличный расчет',
        deleted: false,
      },
    ]);
  });

  it('the real UTF-8 catalogue with a BOM and the 2.08 namespace: no records, skipped sections', async () => {
    const { header, records, events } = await parseBytes(ok('catalog-2.08-utf8-bom.xml'));
    expect(header).toMatchObject({
      schemaVersion: '2.08',
      encoding: 'UTF-8 (BOM)',
      namespace: 'urn:1C.ru:commerceml_208',
    });
    expect(records).toEqual([]);
    expect(
      events.filter((e) => e.kind === 'skipped').map((e) => e.kind === 'skipped' && e.element),
    ).toEqual(['Классификатор', 'Каталог']);
  });

  it('a stock 1C 2.10 export without the extension: Контейнер, 2.10 contacts, money with commas', async () => {
    const { records } = await parseBytes(ok('stock-1c-order-2.10.xml'));
    const { customers, contracts } = byType(records);
    expect(customers).toEqual([
      {
        externalId: '000000777',
        fullName: 'Орлова Наталья Ивановна',
        phoneRaw: '8-925-777-00-22',
        email: 'orlova.ni@example.ru',
        bonusBalance: null,
        requisites: [],
        deleted: false,
      },
    ]);
    expect(contracts[0]).toMatchObject({
      externalId: 'УТ-00004521',
      number: 'ЗК-4521',
      total: '58300.00',
      status: 'Принят',
      kind: 'memorial',
      closed: false,
      managerExternalId: null,
    });
    expect(contracts[0]!.items.map((i) => [i.kind, i.unit, i.price, i.amount])).toEqual([
      ['goods', 'шт', '42000.00', '42000.00'],
      ['service', 'знак', '163.00', '16300.00'],
    ]);
  });

  it('a full export in windows-1251 says so, and carries a deletion mark', async () => {
    const { header, records } = await parseBytes(ok('full-export-windows-1251.xml'));
    expect(header).toMatchObject({ onlyChanges: false, encoding: 'windows-1251' });
    expect(byType(records).contracts.filter((k) => k.deleted)).toHaveLength(1);
  });

  it('the demo company: staff, customers, contracts with object data, schedule, stages, payments', async () => {
    const { records } = await parseBytes(ok('demo-granit-master.xml'));
    const { staff, customers, contracts, payments } = byType(records);
    expect(staff.map((s) => [s.login, s.role])).toEqual([
      ['sokolova', 'manager'],
      ['orlov', 'manager'],
      ['belov', 'foreman'],
      ['volkova', 'head'],
    ]);
    expect(customers.map((c) => c.phoneRaw)).toEqual([
      '8 (912) 345-67-89',
      '+7 903 111-22-33',
      '79161234567',
    ]);
    const renovation = contracts.find((k) => k.number === 'РМ-000017')!;
    expect(renovation.kind).toBe('renovation');
    expect(renovation.stages.map((s) => s.previousExternalId)).toEqual([
      null,
      'st-1',
      'st-2',
      'st-3',
      'st-4',
    ]);
    const memorial = contracts.find((k) => k.number === 'ГМ-000112')!;
    expect(memorial.object.deceased).toHaveLength(2);
    expect(memorial.object.monument?.cemetery).toBe('Николо-Архангельское кладбище');
    expect(payments).toHaveLength(4);
  });
});

describe('golden files: not-ok', () => {
  const files = readdirSync(join(SAMPLES_DIR, 'not-ok')).filter((f) => f.endsWith('.xml'));

  it('every not-ok file is described in expected.json', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files.filter((f) => expected[f]?.stage === 'parse'))(
    '%s fails to parse with its reason and line',
    async (name) => {
      const err = await failure(notOk(name));
      expect(err.message).toContain(expected[name]!.message);
      if (expected[name]!.line !== null) expect(err.line).toBe(expected[name]!.line);
    },
  );

  it.each(files.filter((f) => expected[f]?.stage === 'import'))(
    '%s parses (the importer refuses it against the database)',
    async (name) => {
      const { records } = await parseBytes(notOk(name));
      expect(records.length).toBeGreaterThan(0);
    },
  );

  it('10 MB of junk fails at once', async () => {
    const junk = Buffer.alloc(10 * 1024 * 1024);
    let x = 7;
    for (let i = 0; i < junk.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      junk[i] = x >>> 24;
    }
    await expect(parseBytes(junk)).rejects.toBeInstanceOf(ExchangeFormatError);
  });

  it('junk after the root element, and a second root, are errors', async () => {
    const good = ok('orders-2.03-windows-1251.xml');
    expect((await failure(Buffer.concat([good, Buffer.from('garbage')]))).message).toMatch(
      /after the end|outside of root/,
    );
    expect(
      (await failure(Buffer.concat([good, Buffer.from('<КоммерческаяИнформация/>')]))).message,
    ).toMatch(/Malformed XML/);
  });
});

describe('encodings', () => {
  const content = generateContent({ customers: 2, seed: 4, idPrefix: 'enc' });
  const utf8 = writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' });

  it('UTF-8 with or without a BOM, windows-1251 and UTF-16 give the same records', async () => {
    const strip = (records: ExchangeRecord[]) =>
      records.map(({ type, record }) => ({ type, record }));
    const base = strip((await parseBytes(utf8)).records);
    const text = utf8.toString('utf8');
    const variants = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
      // As 1C writes windows-1251: characters the code page lacks as character references.
      iconv.encode(
        text.replace('encoding="UTF-8"', "encoding='WINDOWS-1251'").replace(/×/g, '&#215;'),
        'win1251',
      ),
      writeImportFile(content, { generatedAt: '2026-11-23T10:00:00', encoding: 'windows-1251' }),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le'),
      ]),
      Buffer.from(text.replace('<?xml version="1.0" encoding="UTF-8"?>\n', ''), 'utf8'),
    ];
    for (const bytes of variants) expect(strip((await parseBytes(bytes)).records)).toEqual(base);
  });

  it('an unknown encoding in the declaration is named in the error', async () => {
    const bytes = Buffer.from(
      utf8.toString('utf8').replace('encoding="UTF-8"', 'encoding="x-martian"'),
    );
    expect((await failure(bytes)).message).toContain('x-martian');
  });

  it('chunk boundaries anywhere (inside a BOM, inside a Cyrillic character) change nothing', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const whole = (await parseBytes(bytes)).records;
    for (const chunk of [1, 2, 7, 513])
      expect((await parseBytes(bytes, chunk)).records).toEqual(whole);
    const cp1251 = writeImportFile(content, {
      generatedAt: '2026-11-23T10:00:00',
      encoding: 'windows-1251',
    });
    expect((await parseBytes(cp1251, 3)).records).toEqual(whole);
  });
});

/** Text as people type it into 1C: any printable characters, XML's special ones included. */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[\p{Cc}\ufffd\ufeff]/gu, '').trim())
  .filter((s) => s.length > 0 && !/\s{2,}/.test(s));

const contentArb = fc
  .record({
    customers: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 1, max: 10_000 }),
    names: fc.array(text, { minLength: 4, maxLength: 4 }),
    deleted: fc.boolean(),
    onlyChanges: fc.boolean(),
  })
  .map(({ customers, seed, names, deleted, onlyChanges }) => {
    const c = generateContent({ customers, seed, idPrefix: `r${seed}` });
    c.customers[0]!.fullName = names[0]!;
    c.customers[0]!.requisites.push({ name: names[1]!, value: names[2]! });
    c.customers[0]!.deleted = deleted;
    c.contracts[0]!.items[0]!.name = names[3]!;
    c.contracts[0]!.object.monument!.inscription = names[2]!;
    c.contracts[0]!.stages = [
      {
        externalId: 'a',
        name: names[0]!,
        description: null,
        startDate: '2026-01-01',
        endDate: '2026-01-05',
        previousExternalId: null,
      },
      {
        externalId: 'b',
        name: names[1]!,
        description: names[2]!,
        startDate: '2026-01-05',
        endDate: '2026-02-01',
        previousExternalId: 'a',
      },
    ];
    return { content: c, onlyChanges };
  });

describe('properties', () => {
  it('parse(write(x)) = x, in UTF-8 and in windows-1251', async () => {
    await fc.assert(
      fc.asyncProperty(
        contentArb,
        fc.constantFrom<'utf-8' | 'windows-1251'>('utf-8', 'windows-1251'),
        async ({ content, onlyChanges }, encoding) => {
          const bytes = writeImportFile(content, {
            generatedAt: '2026-11-23T10:00:00',
            encoding,
            onlyChanges,
          });
          const { header, records } = await parseBytes(bytes, 4096);
          expect(header?.onlyChanges).toBe(onlyChanges);
          expect(byType(records)).toEqual(sorted(content));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any truncation of a valid file is an error, never a shorter import', async () => {
    const bytes = writeImportFile(generateContent({ customers: 3, seed: 9 }), {
      generatedAt: '2026-11-23T10:00:00',
    });
    const end = bytes.lastIndexOf(Buffer.from('</КоммерческаяИнформация>'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: end }), async (cut) => {
        await expect(parseBytes(bytes.subarray(0, cut))).rejects.toBeInstanceOf(
          ExchangeFormatError,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('random bytes are an error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), async (junk) => {
        await expect(parseBytes(Buffer.from(junk))).rejects.toBeInstanceOf(ExchangeFormatError);
      }),
      { numRuns: 200 },
    );
  });
});
