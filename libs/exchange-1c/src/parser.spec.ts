import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateContent } from './generate';
import { describeSkipped, describeWarning, ImportNotes } from './notes';
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
    // What the catalogue holds is counted, so the report can say what was skipped.
    expect(events.filter((e) => e.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        element: 'Классификатор',
        line: 3,
        detail: null,
        items: { Свойство: 6 },
      },
      { kind: 'skipped', element: 'Каталог', line: 1517, detail: null, items: { Товар: 540 } },
    ]);
    const notes = new ImportNotes();
    for (const e of events) if (e.kind === 'skipped') notes.skip(e);
    expect(notes.skipped.map(describeSkipped)).toEqual([
      'The catalogue’s classifier Классификатор (6 properties) was skipped: importing the catalogue is not supported yet',
      'The goods catalogue Каталог (540 products) was skipped: importing the catalogue is not supported yet',
    ]);
  });

  it('a stock 1C 2.10 export without the extension: Контейнер, 2.10 contacts, money with commas', async () => {
    const { records } = await parseBytes(ok('stock-1c-order-2.10.xml'));
    const { customers, contracts } = byType(records);
    expect(customers).toEqual([
      {
        externalId: '000000777',
        fullName: 'Орлова Наталья Ивановна',
        phoneRaw: '8-925-777-00-22',
        // Mobile first, whatever the order in the file.
        phones: [
          { type: 'Телефон мобильный', value: '8-925-777-00-22' },
          { type: 'Телефон рабочий', value: '+7 (495) 777-00-11' },
        ],
        email: 'orlova.ni@example.ru',
        legal: null,
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

/** The warnings of a file, as the report lists them. */
function warningsOf(events: Awaited<ReturnType<typeof parseBytes>>['events']) {
  return events.flatMap((e) => (e.kind === 'warning' ? [e.warning] : []));
}

describe('golden files: what real exports leave empty or write their own way', () => {
  it('site orders: an empty Наименование, no name at all, empty addresses → fallbacks and warnings', async () => {
    const { records, events } = await parseBytes(ok('site-guest-orders-2.08.xml'));
    const { customers, contracts } = byType(records);
    // Both orders import: one buyer without a name fails nothing.
    expect(contracts.map((k) => [k.number, k.customerExternalId])).toEqual([
      ['3157', 'guest-3157'],
      ['3158', 'guest-3158'],
    ]);
    expect(customers.map((c) => [c.externalId, c.fullName, c.phoneRaw, c.legal])).toEqual([
      // Наименование is empty: the full name is there.
      ['guest-3157', 'Ковалёва Дарья Сергеевна', '+7 (922) 480-15-16', null],
      // Nothing names the buyer: «Контрагент <Ид>»; the phone comes from a «Прочее» contact.
      ['guest-3158', 'Контрагент guest-3158', '8 912 600-70-80', null],
    ]);
    expect(warningsOf(events).map(describeWarning)).toEqual([
      'line 21, Контрагент guest-3157: Наименование is empty: named «Ковалёва Дарья Сергеевна» (from ПолноеНаименование)',
      'line 26, Контрагент guest-3157: The address АдресРегистрации is empty: left out',
      'line 108, Контрагент guest-3158: ПолноеНаименование, Наименование are empty: named «Контрагент guest-3158» (from Ид)',
      'line 109, Контрагент guest-3158: The address Адрес is empty: left out',
    ]);
    expect(warningsOf(events).map((w) => w.code)).toEqual([
      'name_fallback',
      'address_empty',
      'name_fallback',
      'address_empty',
    ]);
  });

  it('names, statuses and requisites typed over several lines are shown on one line; the raw name is kept', async () => {
    const { records } = await parseBytes(ok('site-guest-orders-2.08.xml'));
    const [order] = byType(records).contracts as [ContractRecord];
    expect(order.items.map((i) => [i.name, i.nameRaw])).toEqual([
      ['Ваза гранитная круглая, d=20 см', 'Ваза гранитная\n\t\t\t\t\tкруглая,   d=20 см'],
      ['Доставка заказа', 'Доставка\tзаказа'],
    ]);
    expect(order.status).toBe('Принят, ожидает подтверждения');
    expect(order.requisites).toContainEqual({
      name: 'Адрес доставки',
      value: '620014, Екатеринбург, ул. Малышева, д. 51, кв. 7',
    });
  });

  it('a company: official name, addresses, ИНН, КПП, bank accounts; a work phone; VAT included', async () => {
    const { records, events } = await parseBytes(ok('legal-entity-vat-included-2.10.xml'));
    const { customers, contracts } = byType(records);
    expect(customers).toEqual([
      {
        externalId: 'b2c4e6a8-1f3d-4a5b-8c7d-000000000719',
        fullName: 'Северный ветер ООО',
        phoneRaw: '+7 (3452) 50-60-70',
        phones: [{ type: 'Телефон рабочий', value: '+7 (3452) 50-60-70' }],
        email: 'buh@severny-veter.example',
        legal: {
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
        },
        bonusBalance: null,
        requisites: [],
        deleted: false,
      },
    ]);
    const [order] = contracts as [ContractRecord];
    expect(order).toMatchObject({ kind: 'consulting', total: '74250.00', status: 'В работе' });
    expect(order.items.map((i) => i.tax)).toEqual([
      { name: 'НДС', rate: '20', exempt: false, amount: '7500.00', included: true },
      { name: 'НДС', rate: '20', exempt: false, amount: '4875.00', included: true },
    ]);
    expect(order.taxes).toEqual([
      { name: 'НДС', rate: null, exempt: false, amount: '12375.00', included: true },
    ]);
    expect(warningsOf(events)).toEqual([]);
  });

  it('VAT on top, a line without VAT, requisites inside ЮридическоеЛицо, a work phone with an extension', async () => {
    const { records, events } = await parseBytes(ok('vat-on-top-windows-1251.xml'));
    const { customers, contracts } = byType(records);
    const [company] = customers as [CustomerRecord];
    expect(company.fullName).toBe('Уралкамень ООО');
    // The importer takes the first valid number: the mobile «нет» is not one.
    expect(company.phones).toEqual([
      { type: 'Телефон мобильный', value: 'нет' },
      { type: 'ТелефонРабочий', value: '8-912-777-41-52 доб. 12' },
      { type: 'Факс', value: '+7 (343) 222-33-45' },
    ]);
    expect(company.legal).toEqual({
      inn: '6671234567',
      kpp: '667101001',
      officialName: 'ООО "Уралкамень"',
      // No Представление: the address fields, in file order.
      legalAddress: '620075, Екатеринбург, ул. Луначарского, д. 31',
      postalAddress: null,
      bankAccounts: [
        {
          account: '40702810100000007730',
          bankName: 'Филиал «Екатеринбургский» АО «Банк Пример»',
          bik: '046577674',
          correspondentAccount: '30101810500000000674',
        },
      ],
    });
    const [order] = contracts as [ContractRecord];
    expect(order.total).toBe('80300.00');
    expect(order.items.map((i) => [i.amount, i.tax])).toEqual([
      ['40000.00', { name: 'НДС', rate: '20', exempt: false, amount: '8000.00', included: false }],
      ['24000.00', { name: 'НДС', rate: '20', exempt: false, amount: '4800.00', included: false }],
      ['3500.00', { name: 'НДС', rate: null, exempt: true, amount: null, included: false }],
    ]);
    expect(order.taxes).toEqual([
      { name: 'НДС', rate: null, exempt: false, amount: '12800.00', included: false },
    ]);
    // The invoice is skipped, and said so.
    const skipped = events.filter((e) => e.kind === 'skipped');
    expect(skipped).toEqual([
      { kind: 'skipped', element: 'Документ', line: 158, detail: 'Счет на оплату', items: {} },
    ]);
    const notes = new ImportNotes();
    for (const e of skipped) if (e.kind === 'skipped') notes.skip(e);
    expect(notes.skipped.map(describeSkipped)).toEqual([
      '1 document «Счет на оплату» skipped: only orders (Заказ товара) and payments are imported',
    ]);
    expect(warningsOf(events)).toEqual([]);
  });

  it.each([
    'site-guest-orders-2.08.xml',
    'legal-entity-vat-included-2.10.xml',
    'vat-on-top-windows-1251.xml',
  ])(
    '%s: the writer writes what the parser read (requisites, phones, VAT, raw names)',
    async (name) => {
      const read = byType((await parseBytes(ok(name))).records);
      const written = writeImportFile(read, { generatedAt: '2026-11-24T12:00:00' });
      expect(byType((await parseBytes(written)).records)).toEqual(read);
    },
  );

  it('a rate without an amount: the amount is computed exactly, included or on top', async () => {
    const xml = (included: string, sum: string) =>
      Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация ВерсияСхемы="2.10" ДатаФормирования="2026-11-24T10:00:00">
<Документ><Ид>t-1</Ид><Номер>Т-1</Номер><Дата>2026-11-24</Дата><ХозОперация>Заказ товара</ХозОперация>
<Валюта>RUB</Валюта>${sum}
<Контрагенты><Контрагент><Ид>c-t</Ид><Наименование>Т</Наименование><Роль>Покупатель</Роль></Контрагент></Контрагенты>
${included}
<Товары><Товар><Наименование>Услуга</Наименование><СтавкиНалогов><СтавкаНалога><Наименование>НДС</Наименование><Ставка>10</Ставка></СтавкаНалога></СтавкиНалогов>
<ЦенаЗаЕдиницу>1000.01</ЦенаЗаЕдиницу><Количество>1</Количество><Сумма>1000.01</Сумма></Товар></Товары>
</Документ></КоммерческаяИнформация>`);
    const taxOf = async (bytes: Buffer) => {
      const [k] = byType((await parseBytes(bytes)).records).contracts as [ContractRecord];
      return [k.total, k.items[0]!.tax];
    };
    // 1000.01 × 10 / 110 = 90.91; × 10 / 100 = 100.001 → 100.00.
    expect(await taxOf(xml('', '<Сумма>1000.01</Сумма>'))).toEqual([
      '1000.01',
      { name: 'НДС', rate: '10', exempt: false, amount: '90.91', included: true },
    ]);
    expect(await taxOf(xml('', '<Сумма>1100.01</Сумма>'))).toEqual([
      '1100.01',
      { name: 'НДС', rate: '10', exempt: false, amount: '100.00', included: false },
    ]);
    // Without a document sum, tax on top is added to the lines.
    const onTop =
      '<Налоги><Налог><Наименование>НДС</Наименование><УчтеноВСумме>false</УчтеноВСумме><Сумма>100.00</Сумма></Налог></Налоги>';
    expect(await taxOf(xml(onTop, ''))).toEqual([
      '1100.01',
      { name: 'НДС', rate: '10', exempt: false, amount: '100.00', included: false },
    ]);
  });

  it('empty names elsewhere: a line, a document number, a stage, a staff member, a deceased', async () => {
    const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация xmlns:Кабинет="urn:kabinet:exchange:1" ВерсияСхемы="2.10" ДатаФормирования="2026-11-24T10:00:00">
<Кабинет:Сотрудники><Кабинет:Сотрудник><Кабинет:Ид>s-1</Кабинет:Ид><Кабинет:Логин>petrov</Кабинет:Логин><Кабинет:ФИО/><Кабинет:Роль>Прораб</Кабинет:Роль></Кабинет:Сотрудник></Кабинет:Сотрудники>
<Документ><Ид>e-1</Ид><Номер></Номер><Дата>2026-11-24</Дата><ХозОперация>Заказ товара</ХозОперация>
<Контрагенты><Контрагент><Ид>c-e</Ид><Наименование>Е</Наименование><Роль>Покупатель</Роль></Контрагент></Контрагенты>
<Товары><Товар><Наименование/><Сумма>10</Сумма></Товар></Товары>
<Кабинет:Объект><Кабинет:Умерший><Кабинет:ФИО/></Кабинет:Умерший></Кабинет:Объект>
<Кабинет:Этапы><Кабинет:Этап><Кабинет:Ид>st</Кабинет:Ид><Кабинет:Наименование/><Кабинет:ДатаНачала>2026-11-24</Кабинет:ДатаНачала><Кабинет:ДатаОкончания>2026-11-25</Кабинет:ДатаОкончания></Кабинет:Этап></Кабинет:Этапы>
</Документ></КоммерческаяИнформация>`);
    const { records, events } = await parseBytes(bytes);
    const { staff, contracts } = byType(records);
    expect(staff[0]!.fullName).toBe('petrov');
    const [k] = contracts as [ContractRecord];
    expect([k.number, k.items[0]!.name, k.stages[0]!.name, k.object]).toEqual([
      'e-1',
      'Позиция 1',
      'Этап st',
      {},
    ]);
    expect(warningsOf(events).map((w) => [w.code, w.record])).toEqual([
      ['name_fallback', 'Сотрудник s-1'],
      ['deceased_skipped', 'Документ e-1'],
      ['name_fallback', 'Документ e-1'],
      ['name_fallback', 'Документ e-1'],
      ['number_fallback', 'Документ e-1'],
    ]);
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

/**
 * Text as people type it into 1C: any printable characters, XML's special ones included. Line
 * and paragraph separators are layout (names are shown on one line), so they are not generated.
 */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[\p{Cc}\p{Zl}\p{Zp}\ufffd\ufeff]/gu, '').trim())
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
