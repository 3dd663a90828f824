import { createHash } from 'node:crypto';
import {
  MAX_DOCUMENT_BYTES,
  type ContractItemRecord,
  type ContractKindName,
  type ContractObjectRecord,
  type ContractRecord,
  type CustomerRecord,
  type DeceasedRecord,
  type DocumentRecord,
  type InstallmentRecord,
  type PaymentRecord,
  type Requisite,
  type StaffRecord,
  type StaffRoleName,
  type StageRecord,
} from './records';
import { currency, date, decimal, flag } from './values';

/** A record's subtree as xml2js gives it (explicitArray, local names, `$` attributes, `_` text). */
export type XNode =
  { [name: string]: XNode[] | Record<string, string> | string | undefined } | string;

/** A mapping failure: the message, and the element path inside the record. */
export class MappingError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Requisites whose names start with this carry the Кабинет extension's scalar fields. */
export const EXT = 'Кабинет.';

export interface Mapped {
  path: string;
  node: XNode;
}

function kids(m: Mapped, name: string): Mapped[] {
  if (typeof m.node === 'string') return [];
  const list = m.node[name];
  if (!Array.isArray(list)) return [];
  return list.map((node, i) => ({
    node,
    path: `${m.path}/${i === 0 ? name : `${name}[${i + 1}]`}`,
  }));
}

function one(m: Mapped, name: string): Mapped | null {
  return kids(m, name)[0] ?? null;
}

function textOf(node: XNode): string | null {
  const raw = typeof node === 'string' ? node : typeof node._ === 'string' ? node._ : '';
  const s = raw.trim();
  return s === '' ? null : s;
}

function text(m: Mapped, name: string): string | null {
  const child = one(m, name);
  return child ? textOf(child.node) : null;
}

function attr(m: Mapped, name: string): string | null {
  if (typeof m.node === 'string') return null;
  const attrs = m.node.$ as Record<string, string> | undefined;
  return attrs?.[name]?.trim() || null;
}

function required(m: Mapped, name: string, what: string): string {
  const value = text(m, name);
  if (value === null) throw new MappingError(`${what} (${name}) is missing`, `${m.path}/${name}`);
  return value;
}

function money(m: Mapped, name: string, what: string): string | null {
  const raw = text(m, name);
  if (raw === null) return null;
  const value = decimal(raw);
  if (value === null) {
    throw new MappingError(`${what} «${raw}» is not a number`, one(m, name)!.path);
  }
  return value;
}

function day(m: Mapped, name: string, what: string): string | null {
  const raw = text(m, name);
  if (raw === null) return null;
  const value = date(raw);
  if (value === null) {
    throw new MappingError(`${what} «${raw}» is not a date (YYYY-MM-DD)`, one(m, name)!.path);
  }
  return value;
}

/** `ЗначенияРеквизитов/ЗначениеРеквизита` as name/value pairs (several `Значение` joined). */
function requisitesOf(m: Mapped): Array<Requisite & { path: string }> {
  const out: Array<Requisite & { path: string }> = [];
  for (const block of kids(m, 'ЗначенияРеквизитов')) {
    for (const r of kids(block, 'ЗначениеРеквизита')) {
      const name = text(r, 'Наименование');
      if (!name) continue;
      const values = kids(r, 'Значение')
        .map((v) => textOf(v.node))
        .filter((v): v is string => v !== null);
      out.push({ name, value: values.join(', '), path: r.path });
    }
  }
  return out;
}

function deletedOf(m: Mapped): boolean {
  return (
    flag(text(m, 'ПометкаУдаления')) === true ||
    /^удал[её]н$/i.test(attr(m, 'Статус') ?? '') ||
    /^удал[её]н$/i.test(text(m, 'Статус') ?? '')
  );
}

class Requisites {
  constructor(readonly list: Array<Requisite & { path: string }>) {}
  get(...names: string[]): { value: string; path: string } | null {
    for (const name of names) {
      const r = this.list.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (r && r.value.trim() !== '') return { value: r.value.trim(), path: r.path };
    }
    return null;
  }
  /** Raw requisites without the extension's own (those become typed fields). */
  raw(): Requisite[] {
    return this.list
      .filter((r) => !r.name.startsWith(EXT))
      .map((r) => ({ name: r.name, value: r.value }));
  }
}

const ROLE_NAMES: Record<string, StaffRoleName> = {
  администратор: 'admin',
  admin: 'admin',
  менеджер: 'manager',
  manager: 'manager',
  оператор: 'operator',
  'оператор колл-центра': 'operator',
  operator: 'operator',
  сметчик: 'estimator',
  estimator: 'estimator',
  замерщик: 'measurer',
  measurer: 'measurer',
  прораб: 'foreman',
  foreman: 'foreman',
  руководитель: 'head',
  head: 'head',
};

export const ROLE_TITLES: Record<StaffRoleName, string> = {
  admin: 'Администратор',
  manager: 'Менеджер',
  operator: 'Оператор',
  estimator: 'Сметчик',
  measurer: 'Замерщик',
  foreman: 'Прораб',
  head: 'Руководитель',
};

export function mapStaff(m: Mapped): StaffRecord {
  const roleRaw = required(m, 'Роль', 'The staff member’s role');
  const role = ROLE_NAMES[roleRaw.toLowerCase()];
  if (!role) {
    throw new MappingError(
      `Unknown role «${roleRaw}» (expected one of: ${Object.values(ROLE_TITLES).join(', ')})`,
      one(m, 'Роль')!.path,
    );
  }
  const login = required(m, 'Логин', 'The staff member’s login');
  if (!/^[A-Za-z0-9._@-]{3,100}$/.test(login)) {
    throw new MappingError(
      `Login «${login}» must be 3-100 of the characters a-z 0-9 . _ @ -`,
      one(m, 'Логин')!.path,
    );
  }
  return {
    externalId: required(m, 'Ид', 'The staff member’s id'),
    login,
    fullName: text(m, 'ФИО') ?? required(m, 'Наименование', 'The staff member’s name'),
    role,
    phone: text(m, 'Телефон'),
    email: text(m, 'Почта'),
    deleted: deletedOf(m),
  };
}

const MOBILE = /моб|mobile|сотов/i;
const PHONE = /тел|phone/i;
const MAIL = /почт|mail/i;

export function mapCustomer(m: Mapped): CustomerRecord {
  const contacts = kids(m, 'Контакты').flatMap((c) => kids(c, 'Контакт'));
  const typed = contacts.map((c) => ({
    type: text(c, 'Тип') ?? text(c, 'Вид') ?? '',
    value: text(c, 'Значение') ?? text(c, 'Представление'),
  }));
  const phone =
    typed.find((c) => MOBILE.test(c.type) && c.value) ??
    typed.find((c) => PHONE.test(c.type) && !MAIL.test(c.type) && c.value);
  const email = typed.find((c) => MAIL.test(c.type) && c.value);
  const requisites = new Requisites(requisitesOf(m));
  const bonus = requisites.get(`${EXT}БонусныйБаланс`);
  const bonusBalance = bonus ? decimal(bonus.value) : null;
  if (bonus && bonusBalance === null) {
    throw new MappingError(`The bonus balance «${bonus.value}» is not a number`, bonus.path);
  }
  const person = [text(m, 'Фамилия'), text(m, 'Имя'), text(m, 'Отчество')]
    .filter(Boolean)
    .join(' ');
  const fullName = text(m, 'ПолноеНаименование') ?? text(m, 'Наименование') ?? (person || null);
  if (!fullName) throw new MappingError('The counterparty has no name', `${m.path}/Наименование`);
  return {
    externalId: required(m, 'Ид', 'The counterparty’s id'),
    fullName,
    phoneRaw: phone?.value ?? null,
    email: email?.value ?? null,
    bonusBalance,
    requisites: requisites.raw(),
    deleted: deletedOf(m),
  };
}

const KINDS: Array<[RegExp, ContractKindName]> = [
  [/^(memorial|мемориал|памятник|ритуал)/i, 'memorial'],
  [/^(renovation|ремонт)/i, 'renovation'],
  [/^(consulting|консалтинг|консультац)/i, 'consulting'],
  [/^(other|прочее|другое)/i, 'other'],
];

function itemOf(m: Mapped): ContractItemRecord {
  const requisites = new Requisites(requisitesOf(m));
  const type = requisites.get('ВидНоменклатуры', 'ТипНоменклатуры')?.value ?? '';
  const quantity = money(m, 'Количество', 'The quantity') ?? '1';
  const price = money(m, 'ЦенаЗаЕдиницу', 'The price');
  const amount = money(m, 'Сумма', 'The amount');
  if (price === null && amount === null) {
    throw new MappingError('The line has neither a price nor an amount', `${m.path}/Сумма`);
  }
  return {
    externalId: text(m, 'Ид'),
    name: required(m, 'Наименование', 'The line’s name'),
    kind: /услуг/i.test(type) ? 'service' : 'goods',
    quantity,
    unit:
      text(m, 'БазоваяЕдиница') ??
      attr(one(m, 'БазоваяЕдиница') ?? m, 'НаименованиеПолное') ??
      'шт',
    price: price ?? amount!,
    amount: amount ?? price!,
  };
}

function objectOf(doc: Mapped): ContractObjectRecord {
  const object: ContractObjectRecord = {};
  const block = one(doc, 'Объект');
  if (!block) return object;
  const deceased: DeceasedRecord[] = kids(block, 'Умерший').map((p) => ({
    fullName: required(p, 'ФИО', 'The deceased’s full name'),
    birthDate: day(p, 'ДатаРождения', 'The date of birth'),
    deathDate: day(p, 'ДатаСмерти', 'The date of death'),
  }));
  if (deceased.length) object.deceased = deceased;
  const monument = one(block, 'Памятник');
  if (monument) {
    object.monument = {
      material: text(monument, 'Материал'),
      size: text(monument, 'Размер'),
      cemetery: text(monument, 'Кладбище'),
      plot: text(monument, 'Участок'),
      inscription: text(monument, 'Надпись'),
      extra: requisitesOf(monument).map(({ name, value }) => ({ name, value })),
    };
  }
  const renovation = one(block, 'ОбъектРемонта');
  if (renovation) {
    const roomsRaw = text(renovation, 'Комнат');
    const rooms = roomsRaw === null ? null : Number(roomsRaw);
    if (rooms !== null && !(Number.isInteger(rooms) && rooms >= 0)) {
      throw new MappingError(
        `Rooms «${roomsRaw}» is not a whole number`,
        one(renovation, 'Комнат')!.path,
      );
    }
    object.renovation = {
      address: text(renovation, 'Адрес'),
      area: money(renovation, 'Площадь', 'The area'),
      rooms,
      extra: requisitesOf(renovation).map(({ name, value }) => ({ name, value })),
    };
  }
  return object;
}

/** The document's buyer (`Роль` «Покупатель»), or its only counterparty. */
export function buyerOf(doc: Mapped): Mapped | null {
  const all = kids(doc, 'Контрагенты').flatMap((c) => kids(c, 'Контрагент'));
  return all.find((c) => /покупател/i.test(text(c, 'Роль') ?? '')) ?? all[0] ?? null;
}

export type DocumentKind = 'contract' | 'payment' | 'other';

/** Which kind of document: orders become contracts, payment documents become payments. */
export function documentKind(doc: Mapped): DocumentKind {
  const op = (text(doc, 'ХозОперация') ?? '').toLowerCase();
  if (op === 'заказ товара' || op === 'прочие' || op === 'заказ') return 'contract';
  if (/(выплата|возврат|поступление|оплата).*(денег|средств)|^оплата/.test(op)) return 'payment';
  return 'other';
}

export function mapContract(doc: Mapped, customerExternalId: string): ContractRecord {
  const requisites = new Requisites(requisitesOf(doc));
  const ext = (name: string) => requisites.get(`${EXT}${name}`);
  const kindRaw = ext('Вид')?.value ?? requisites.get('Вид договора', 'ВидДоговора')?.value ?? null;
  const object = objectOf(doc);
  let kind: ContractKindName = object.renovation
    ? 'renovation'
    : object.deceased || object.monument
      ? 'memorial'
      : 'other';
  if (kindRaw) {
    const found = KINDS.find(([re]) => re.test(kindRaw));
    if (!found) {
      throw new MappingError(
        `Unknown contract kind «${kindRaw}» (memorial, renovation, consulting, other)`,
        (ext('Вид') ?? requisites.get('Вид договора', 'ВидДоговора'))!.path,
      );
    }
    kind = found[1];
  }
  const closedExt = ext('Закрыт');
  const closed =
    closedExt !== null
      ? flag(closedExt.value) === true
      : flag(requisites.get('Финальный статус')?.value) === true ||
        flag(requisites.get('Отменен')?.value) === true ||
        flag(requisites.get('Закрыт')?.value) === true;
  const status = (
    ext('Статус')?.value ??
    requisites.get('Статус заказа', 'Статус')?.value.replace(/^\[[^\]]*\]\s*/, '') ??
    'Новый'
  ).slice(0, 100);
  const planned = ext('ПлановаяДатаОкончания') ?? requisites.get('Плановая дата окончания');
  const plannedEndDate = planned ? date(planned.value) : null;
  if (planned && plannedEndDate === null) {
    throw new MappingError(`The planned end date «${planned.value}» is not a date`, planned.path);
  }
  const items = kids(doc, 'Товары')
    .flatMap((t) => kids(t, 'Товар'))
    .map(itemOf);
  const total =
    money(doc, 'Сумма', 'The contract total') ??
    items.reduce((sum, i) => addDecimals(sum, i.amount), '0');
  const currencyRaw = text(doc, 'Валюта');
  const cur = currency(currencyRaw);
  if (!cur) throw new MappingError(`Unknown currency «${currencyRaw}»`, `${doc.path}/Валюта`);
  const schedule: InstallmentRecord[] = kids(doc, 'ГрафикПлатежей')
    .flatMap((g) => kids(g, 'Платеж'))
    .map((p) => ({
      dueDate: day(p, 'Дата', 'The payment date') ?? missing(p, 'Дата', 'The payment date'),
      amount: money(p, 'Сумма', 'The payment amount') ?? missing(p, 'Сумма', 'The payment amount'),
      note: text(p, 'Комментарий'),
    }));
  const stages: StageRecord[] = kids(doc, 'Этапы')
    .flatMap((g) => kids(g, 'Этап'))
    .map((s) => {
      const startDate =
        day(s, 'ДатаНачала', 'The stage start') ?? missing(s, 'ДатаНачала', 'The stage start');
      const endDate =
        day(s, 'ДатаОкончания', 'The stage end') ?? missing(s, 'ДатаОкончания', 'The stage end');
      if (endDate < startDate) {
        throw new MappingError(
          `The stage ends (${endDate}) before it starts (${startDate})`,
          `${s.path}/ДатаОкончания`,
        );
      }
      return {
        externalId: required(s, 'Ид', 'The stage id'),
        name: required(s, 'Наименование', 'The stage name'),
        description: text(s, 'Описание'),
        startDate,
        endDate,
        previousExternalId: text(s, 'Предыдущий'),
      };
    });
  const stageIds = new Set(stages.map((s) => s.externalId));
  for (const [i, s] of stages.entries()) {
    if (s.previousExternalId && !stageIds.has(s.previousExternalId)) {
      throw new MappingError(
        `Stage ${s.externalId} follows an unknown stage ${s.previousExternalId}`,
        `${doc.path}/Этапы/Этап${i ? `[${i + 1}]` : ''}/Предыдущий`,
      );
    }
  }
  const documentBlocks = kids(doc, 'Документы');
  const documents = documentBlocks.length
    ? documentBlocks.flatMap((g) => kids(g, 'Документ')).map(documentOf)
    : null;
  const documentIds = new Set<string>();
  for (const [i, d] of (documents ?? []).entries()) {
    if (documentIds.has(d.externalId)) {
      throw new MappingError(
        `Document ${d.externalId} appears twice in the contract`,
        `${doc.path}/Документы/Документ${i ? `[${i + 1}]` : ''}/Ид`,
      );
    }
    documentIds.add(d.externalId);
  }
  const assignees =
    ext('Исполнители')
      ?.value.split(/[,;\s]+/)
      .filter(Boolean) ?? [];
  return {
    externalId: required(doc, 'Ид', 'The document id'),
    number: required(doc, 'Номер', 'The document number'),
    date: day(doc, 'Дата', 'The document date') ?? missing(doc, 'Дата', 'The document date'),
    customerExternalId,
    managerExternalId: ext('Менеджер')?.value ?? null,
    assigneeExternalIds: assignees,
    kind,
    status,
    closed,
    total,
    currency: cur,
    plannedEndDate,
    object,
    requisites: requisites.raw(),
    items,
    schedule,
    stages,
    documents,
    deleted: deletedOf(doc),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `Кабинет:Документ`: what it is and its file, base64 in `Кабинет:Данные`. */
function documentOf(d: Mapped): DocumentRecord {
  const data = one(d, 'Данные');
  const raw = data ? textOf(data.node) : null;
  if (!data || raw === null) {
    throw new MappingError('The document’s file (Данные, base64) is missing', `${d.path}/Данные`);
  }
  const compact = raw.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new MappingError('The document’s file (Данные) is not valid base64', data.path);
  }
  if ((compact.length / 4) * 3 > MAX_DOCUMENT_BYTES + 2) {
    throw new MappingError(
      `The document’s file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
      data.path,
    );
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0)
    throw new MappingError('The document’s file (Данные) is empty', data.path);
  const fileName = required(d, 'ИмяФайла', 'The document’s file name');
  const plain = [...fileName].every((ch) => ch !== '/' && ch !== '\\' && ch.charCodeAt(0) >= 32);
  if (!plain || fileName === '.' || fileName === '..' || fileName.length > 255) {
    throw new MappingError(
      `The file name «${fileName}» must be a plain name (no folders), up to 255 characters`,
      `${d.path}/ИмяФайла`,
    );
  }
  const title = required(d, 'Наименование', 'The document title');
  return {
    externalId: required(d, 'Ид', 'The document id'),
    kind: (text(d, 'Вид') ?? 'Документ').slice(0, 200),
    title: title.slice(0, 500),
    number: text(d, 'Номер'),
    date: day(d, 'Дата', 'The document date'),
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}

/**
 * A payment document. The contract it pays is the requisite «Кабинет.Договор», or the
 * document's basis (`Основание/Ид`).
 */
export function mapPayment(doc: Mapped): PaymentRecord {
  const requisites = new Requisites(requisitesOf(doc));
  const contract =
    requisites.get(`${EXT}Договор`)?.value ?? text(one(doc, 'Основание') ?? doc, 'Ид') ?? null;
  if (!contract) {
    throw new MappingError(
      'The payment names no contract (requisite «Кабинет.Договор» or Основание/Ид)',
      `${doc.path}/ЗначенияРеквизитов`,
    );
  }
  const op = text(doc, 'ХозОперация') ?? '';
  const amount =
    money(doc, 'Сумма', 'The payment amount') ?? missing(doc, 'Сумма', 'The payment amount');
  const cur = currency(text(doc, 'Валюта'));
  if (!cur)
    throw new MappingError(`Unknown currency «${text(doc, 'Валюта')}»`, `${doc.path}/Валюта`);
  return {
    externalId: required(doc, 'Ид', 'The document id'),
    number: required(doc, 'Номер', 'The document number'),
    date: day(doc, 'Дата', 'The document date') ?? missing(doc, 'Дата', 'The document date'),
    contractExternalId: contract,
    amount,
    currency: cur,
    method:
      requisites.get('Метод оплаты', 'Способ оплаты')?.value ??
      (/безналичн/i.test(op) ? 'Безналичный расчет' : /наличн/i.test(op) ? 'Наличные' : null),
    deleted: deletedOf(doc),
  };
}

/**
 * A paid order in the stock 1C ↔ site exchange carries its payment in requisites («Заказ
 * оплачен», «Номер платежного документа», «Дата оплаты»): that becomes a payment too.
 */
export function paymentInOrder(doc: Mapped, contract: ContractRecord): PaymentRecord | null {
  const requisites = new Requisites(requisitesOf(doc));
  if (flag(requisites.get('Заказ оплачен')?.value) !== true) return null;
  const paidOn = requisites.get('Дата оплаты');
  const paidDate = paidOn ? date(paidOn.value) : contract.date;
  if (paidDate === null) {
    throw new MappingError(`The payment date «${paidOn!.value}» is not a date`, paidOn!.path);
  }
  return {
    externalId: `${contract.externalId}#payment`,
    number: requisites.get('Номер платежного документа')?.value ?? contract.number,
    date: paidDate,
    contractExternalId: contract.externalId,
    amount: contract.total,
    currency: contract.currency,
    method: requisites.get('Метод оплаты', 'Способ оплаты')?.value ?? null,
    deleted: contract.deleted,
  };
}

function missing(m: Mapped, name: string, what: string): never {
  throw new MappingError(`${what} (${name}) is missing`, `${m.path}/${name}`);
}

/** Adds two non-negative decimal strings exactly. */
function addDecimals(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const toInt = (s: string) => {
    const [i, f = ''] = s.split('.');
    return BigInt(`${i}${f.padEnd(scale, '0')}`);
  };
  const sum = (toInt(a) + toInt(b)).toString().padStart(scale + 1, '0');
  return scale ? `${sum.slice(0, -scale)}.${sum.slice(-scale)}` : sum;
}
