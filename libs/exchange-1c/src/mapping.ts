import { createHash } from 'node:crypto';
import {
  MAX_DOCUMENT_BYTES,
  type BankAccountRecord,
  type ContactPhone,
  type ContractItemRecord,
  type ContractKindName,
  type ContractObjectRecord,
  type ContractRecord,
  type CustomerRecord,
  type DeceasedRecord,
  type DocumentRecord,
  type InstallmentRecord,
  type LegalDetailsRecord,
  type PaymentRecord,
  type Requisite,
  type StaffRecord,
  type StaffRoleName,
  type StageRecord,
  type TaxRecord,
  type WarningCode,
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

/**
 * Reports a value that was replaced by a fallback or left out (the record is still imported):
 * the code, an English message, the element path inside the record, and the message's facts.
 */
export type Warn = (
  code: WarningCode,
  message: string,
  path: string,
  params?: Record<string, string>,
) => void;

const noWarn: Warn = () => undefined;

/** Whitespace that is layout, not content: runs of it become one space in names. */
const LAYOUT_SPACE = /[ \t\r\n\f\v\u2028\u2029\u0085]+/g;

/**
 * A name for display: line breaks, tabs and indentation that 1C keeps in names (a name typed
 * over several lines, or pretty-printed XML) become single spaces. No-break spaces stay.
 */
export function oneLine(s: string): string {
  return s.replace(LAYOUT_SPACE, ' ').trim();
}

/** Text whose line breaks mean something (an inscription, a note): each line tidied, breaks kept. */
export function tidyLines(s: string): string {
  return s
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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

/** A display text: `text` with layout whitespace collapsed (see `oneLine`). */
function display(m: Mapped, el: string): string | null {
  const value = text(m, el);
  if (value === null) return null;
  return oneLine(value) || null;
}

/** The element is in the file but has no text (what real exports do with "required" elements). */
function emptyElement(m: Mapped, el: string): boolean {
  const child = one(m, el);
  return child !== null && textOf(child.node) === null && !hasChildren(child.node);
}

function hasChildren(node: XNode): boolean {
  return typeof node !== 'string' && Object.keys(node).some((k) => k !== '_' && k !== '$');
}

/** Cuts `value` to `max` characters, with a warning (a database column would refuse it). */
function clip(value: string, max: number, path: string, what: string, warn: Warn): string {
  if (value.length <= max) return value;
  warn('value_truncated', `${what} is longer than ${max} characters: cut to ${max}`, path, {
    what,
    max: String(max),
  });
  return value.slice(0, max);
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
  /** Requisites without the extension's own (those become typed fields), tidied for display. */
  raw(): Requisite[] {
    return this.list
      .filter((r) => !r.name.startsWith(EXT))
      .map((r) => ({ name: oneLine(r.name), value: oneLine(r.value) }));
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

export function mapStaff(m: Mapped, warn: Warn = noWarn): StaffRecord {
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
  const externalId = required(m, 'Ид', 'The staff member’s id');
  let fullName = display(m, 'ФИО') ?? display(m, 'Наименование');
  if (!fullName) {
    fullName = login;
    warn(
      'name_fallback',
      `The staff member has no name (ФИО): shown as their login «${login}»`,
      `${m.path}/ФИО`,
      { name: login, from: 'Логин' },
    );
  }
  return {
    externalId,
    login,
    fullName: clip(fullName, 200, `${m.path}/ФИО`, 'The name', warn),
    role,
    phone: text(m, 'Телефон'),
    email: text(m, 'Почта'),
    deleted: deletedOf(m),
  };
}

const MOBILE = /моб|mobile|сотов|cell/i;
const PHONE = /тел|phone/i;
const MAIL = /почт|mail/i;
/** Contact types that are never a phone, whatever digits their value has. */
const NOT_PHONE = /сайт|site|web|icq|skype|координат|адрес|address/i;

/** Where a counterparty's requisites may be: itself, or an element around them (see LegalDetailsRecord). */
const REQUISITE_WRAPPERS = ['ЮридическоеЛицо', 'ФизическоеЛицо', 'Реквизиты'];

function scopesOf(m: Mapped): Mapped[] {
  const out = [m];
  for (let i = 0; i < out.length && out.length < 10; i++) {
    for (const w of REQUISITE_WRAPPERS) out.push(...kids(out[i]!, w));
  }
  return out;
}

/** The first non-empty display text of `el` in any scope, with its path. */
function fromScopes(scopes: Mapped[], el: string): { value: string; path: string } | null {
  for (const s of scopes) {
    const value = display(s, el);
    if (value) return { value, path: one(s, el)!.path };
  }
  return null;
}

/** An address (`Адрес` type): `Представление`, else its `АдресноеПоле` values in file order. */
function addressOf(scopes: Mapped[], elements: string[], warn: Warn): string | null {
  for (const el of elements) {
    for (const s of scopes) {
      const a = one(s, el);
      if (!a) continue;
      const shown = display(a, 'Представление');
      const fields = kids(a, 'АдресноеПоле')
        .map((f) => display(f, 'Значение'))
        .filter((v): v is string => v !== null);
      const value = shown ?? (fields.length ? fields.join(', ') : null);
      if (value) return clip(value, 1000, a.path, `The address (${el})`, warn);
      warn('address_empty', `The address ${el} is empty: left out`, a.path, { element: el });
    }
  }
  return null;
}

/** `РасчетныеСчета/РасчетныйСчет` (and a document counterparty's single `РасчетныйСчет`). */
function bankAccountsOf(scopes: Mapped[], warn: Warn): BankAccountRecord[] {
  const out: BankAccountRecord[] = [];
  const blocks = scopes.flatMap((s) => [
    ...kids(s, 'РасчетныеСчета').flatMap((g) => kids(g, 'РасчетныйСчет')),
    ...kids(s, 'РасчетныйСчет'),
  ]);
  for (const b of blocks) {
    const account = text(b, 'НомерСчета')?.replace(/\s+/g, '');
    if (!account) continue;
    if (out.some((a) => a.account === account)) continue;
    const bank = one(b, 'Банк');
    const clipped = (v: string | null, max: number, el: string) =>
      v === null ? null : clip(v, max, `${bank?.path ?? b.path}/${el}`, el, warn);
    out.push({
      account: clip(account, 34, `${b.path}/НомерСчета`, 'НомерСчета', warn),
      bankName: clipped(bank ? display(bank, 'Наименование') : null, 300, 'Наименование'),
      bik: clipped(bank ? (text(bank, 'БИК') ?? text(bank, 'SWIFT')) : null, 20, 'БИК'),
      correspondentAccount: clipped(
        bank ? (text(bank, 'СчетКорреспондентский')?.replace(/\s+/g, '') ?? null) : null,
        34,
        'СчетКорреспондентский',
      ),
    });
  }
  return out;
}

function legalOf(scopes: Mapped[], warn: Warn): LegalDetailsRecord | null {
  const code = (el: string, pattern: RegExp, what: string): string | null => {
    const found = fromScopes(scopes, el);
    if (!found) return null;
    const value = found.value.replace(/\s+/g, '');
    if (!pattern.test(value)) {
      warn(
        'requisite_format',
        `${el} «${found.value}» is not ${what}: kept as written`,
        found.path,
        {
          element: el,
          value: found.value,
        },
      );
    }
    return clip(value, 20, found.path, el, warn);
  };
  const official = fromScopes(scopes, 'ОфициальноеНаименование');
  const legal: LegalDetailsRecord = {
    inn: code('ИНН', /^(\d{10}|\d{12})$/, '10 or 12 digits'),
    kpp: code('КПП', /^\d{4}[\dA-Z]{2}\d{3}$/, '9 characters'),
    officialName: official
      ? clip(official.value, 500, official.path, 'ОфициальноеНаименование', warn)
      : null,
    legalAddress: addressOf(scopes, ['ЮридическийАдрес', 'АдресРегистрации'], warn),
    postalAddress: addressOf(scopes, ['Адрес'], warn),
    bankAccounts: bankAccountsOf(scopes, warn),
  };
  const empty =
    legal.inn === null &&
    legal.kpp === null &&
    legal.officialName === null &&
    legal.legalAddress === null &&
    legal.postalAddress === null &&
    legal.bankAccounts.length === 0;
  return empty ? null : legal;
}

/** Phones among the contacts: mobile types first, then other phone types, then the rest. */
function phonesOf(contacts: Array<{ type: string; value: string | null }>): ContactPhone[] {
  const rank = (type: string) => (MOBILE.test(type) ? 0 : PHONE.test(type) ? 1 : 2);
  return contacts
    .filter((c): c is ContactPhone => c.value !== null)
    .filter(
      (c) =>
        !MAIL.test(c.type) &&
        !NOT_PHONE.test(c.type) &&
        (PHONE.test(c.type) || MOBILE.test(c.type) || (c.value.match(/\d/g)?.length ?? 0) >= 5),
    )
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c.type) - rank(b.c.type) || a.i - b.i)
    .map(({ c }) => ({ type: c.type, value: c.value.slice(0, 100) }));
}

/**
 * A counterparty. Its name: `ПолноеНаименование`, else `Наименование`, else
 * `ОфициальноеНаименование`, else `Фамилия Имя Отчество`, else «Контрагент <Ид>»; a name
 * element that is there but empty (a site's guest buyer) is reported as a warning. Only a
 * counterparty without `Ид` cannot be imported: nothing could ever find it again.
 */
export function mapCustomer(m: Mapped, warn: Warn = noWarn): CustomerRecord {
  const scopes = scopesOf(m);
  const person = ['Фамилия', 'Имя', 'Отчество']
    .map((el) => fromScopes(scopes, el)?.value)
    .filter(Boolean)
    .join(' ');
  const sources = ['ПолноеНаименование', 'Наименование', 'ОфициальноеНаименование'];
  const named = sources
    .map((el) => ({ el, found: fromScopes(scopes, el) }))
    .find((s) => s.found !== null);
  const externalId = text(m, 'Ид');
  if (!externalId) {
    const known = named?.found?.value ?? (person || null);
    throw new MappingError(
      `The counterparty${known ? ` «${known}»` : ''} has no Ид: it cannot be identified`,
      `${m.path}/Ид`,
    );
  }
  const fullName = named?.found?.value ?? (person || `Контрагент ${externalId}`);
  const from = named?.el ?? (person ? 'Фамилия, Имя, Отчество' : 'Ид');
  const empty = sources.filter((el) => scopes.some((s) => emptyElement(s, el)));
  if (empty.length || from === 'Ид') {
    warn(
      'name_fallback',
      `${empty.length ? `${empty.join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty` : 'The counterparty has no name'}: named «${fullName}» (from ${from})`,
      `${m.path}/${empty[0] ?? 'Наименование'}`,
      { name: fullName, from, empty: empty.join(', ') },
    );
  }
  const contacts = kids(m, 'Контакты')
    .flatMap((c) => kids(c, 'Контакт'))
    .map((c) => ({
      type: display(c, 'Тип') ?? display(c, 'Вид') ?? '',
      value: text(c, 'Значение') ?? text(c, 'Представление'),
    }));
  const phones = phonesOf(contacts);
  const email = contacts.find((c) => MAIL.test(c.type) && c.value);
  const requisites = new Requisites(requisitesOf(m));
  const bonus = requisites.get(`${EXT}БонусныйБаланс`);
  const bonusBalance = bonus ? decimal(bonus.value) : null;
  if (bonus && bonusBalance === null) {
    throw new MappingError(`The bonus balance «${bonus.value}» is not a number`, bonus.path);
  }
  return {
    externalId,
    fullName: clip(fullName, 300, `${m.path}/Наименование`, 'The name', warn),
    phoneRaw: phones[0]?.value ?? null,
    phones,
    email: email?.value?.slice(0, 200) ?? null,
    legal: legalOf(scopes, warn),
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

const EXEMPT = /без|не\s*облага|exempt|without|no\s*vat/i;

/** A tax rate as 1C writes it: `20`, `20%`, `20/120`, `0`, «Без НДС». */
function rateOf(
  raw: string | null,
  path: string,
  warn: Warn,
): { rate: string | null; exempt: boolean } {
  if (raw === null) return { rate: null, exempt: false };
  if (EXEMPT.test(raw)) return { rate: null, exempt: true };
  const rate = decimal(raw.replace(/%/g, '').split('/')[0] ?? '');
  if (rate === null || rate.startsWith('-') || toCents(rate) > 10000n) {
    warn('tax_rate_unknown', `The tax rate «${raw}» is not a number: left out`, path, {
      rate: raw,
    });
    return { rate: null, exempt: false };
  }
  return { rate: rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate, exempt: false };
}

const VAT = /ндс|vat/i;

/** `Налоги/Налог` of a line or document: the tax, its rate, amount, «included in the sum». */
function taxesOf(m: Mapped, warn: Warn): Array<TaxRecord & { path: string }> {
  return kids(m, 'Налоги')
    .flatMap((g) => kids(g, 'Налог'))
    .map((t) => ({
      name: clip(
        display(t, 'Наименование') ?? 'НДС',
        50,
        `${t.path}/Наименование`,
        'The tax',
        warn,
      ),
      ...rateOf(text(t, 'Ставка'), `${t.path}/Ставка`, warn),
      amount: money(t, 'Сумма', 'The tax amount'),
      included: flag(text(t, 'УчтеноВСумме')),
      path: t.path,
    }));
}

/**
 * A line's VAT: `Налоги/Налог` (amount, «included in the sum», maybe the rate) merged with
 * `СтавкиНалогов/СтавкаНалога` (the rate). The one named НДС/VAT, else the first.
 */
function lineTaxOf(m: Mapped, warn: Warn): TaxRecord | null {
  const taxes = taxesOf(m, warn);
  const rates = kids(m, 'СтавкиНалогов')
    .flatMap((g) => kids(g, 'СтавкаНалога'))
    .map((r) => ({
      name: display(r, 'Наименование') ?? 'НДС',
      raw: text(r, 'Ставка'),
      path: `${r.path}/Ставка`,
    }));
  const tax = taxes.find((t) => VAT.test(t.name)) ?? taxes[0] ?? null;
  const named = tax?.name ?? rates.find((r) => VAT.test(r.name))?.name ?? rates[0]?.name;
  if (named === undefined) return null;
  const rateEntry =
    rates.find((r) => r.name.toLowerCase() === named.toLowerCase()) ??
    rates.find((r) => VAT.test(r.name)) ??
    rates[0];
  const fromRates = rateEntry
    ? rateOf(rateEntry.raw, rateEntry.path, tax && (tax.rate || tax.exempt) ? noWarn : warn)
    : { rate: null, exempt: false };
  return {
    name: named,
    rate: tax?.rate ?? fromRates.rate,
    exempt: (tax?.exempt ?? false) || (!tax?.rate && fromRates.exempt),
    amount: tax?.amount ?? null,
    included: tax?.included ?? null,
  };
}

function itemOf(m: Mapped, n: number, warn: Warn): ContractItemRecord {
  const requisites = new Requisites(requisitesOf(m));
  const type = requisites.get('ВидНоменклатуры', 'ТипНоменклатуры')?.value ?? '';
  const quantity = money(m, 'Количество', 'The quantity') ?? '1';
  const price = money(m, 'ЦенаЗаЕдиницу', 'The price');
  const amount = money(m, 'Сумма', 'The amount');
  if (price === null && amount === null) {
    throw new MappingError('The line has neither a price nor an amount', `${m.path}/Сумма`);
  }
  const raw = text(m, 'Наименование');
  let name = raw === null ? null : oneLine(raw);
  if (!name) {
    name = `Позиция ${n}`;
    warn(
      'name_fallback',
      `Line ${n} has no name (Наименование): shown as «${name}»`,
      `${m.path}/Наименование`,
      { name, line: String(n) },
    );
  }
  const unit =
    display(m, 'БазоваяЕдиница') ??
    attr(one(m, 'БазоваяЕдиница') ?? m, 'НаименованиеПолное') ??
    'шт';
  return {
    externalId: text(m, 'Ид'),
    name: clip(name, 500, `${m.path}/Наименование`, 'The line’s name', warn),
    nameRaw: raw !== null && raw !== name ? raw : null,
    kind: /услуг/i.test(type) ? 'service' : 'goods',
    quantity,
    unit: clip(unit, 30, `${m.path}/БазоваяЕдиница`, 'The unit', warn),
    price: price ?? amount!,
    amount: amount ?? price!,
    tax: lineTaxOf(m, warn),
  };
}

function objectOf(doc: Mapped, warn: Warn): ContractObjectRecord {
  const object: ContractObjectRecord = {};
  const block = one(doc, 'Объект');
  if (!block) return object;
  const deceased: DeceasedRecord[] = [];
  for (const p of kids(block, 'Умерший')) {
    const fullName = display(p, 'ФИО');
    if (!fullName) {
      warn('deceased_skipped', 'A deceased person without a name (ФИО): left out', `${p.path}/ФИО`);
      continue;
    }
    deceased.push({
      fullName,
      birthDate: day(p, 'ДатаРождения', 'The date of birth'),
      deathDate: day(p, 'ДатаСмерти', 'The date of death'),
    });
  }
  if (deceased.length) object.deceased = deceased;
  const monument = one(block, 'Памятник');
  if (monument) {
    const inscription = text(monument, 'Надпись');
    object.monument = {
      material: display(monument, 'Материал'),
      size: display(monument, 'Размер'),
      cemetery: display(monument, 'Кладбище'),
      plot: display(monument, 'Участок'),
      inscription: inscription === null ? null : tidyLines(inscription) || null,
      extra: requisitesOf(monument).map((r) => ({
        name: oneLine(r.name),
        value: oneLine(r.value),
      })),
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
      address: display(renovation, 'Адрес'),
      area: money(renovation, 'Площадь', 'The area'),
      rooms,
      extra: requisitesOf(renovation).map((r) => ({
        name: oneLine(r.name),
        value: oneLine(r.value),
      })),
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

/** The document's number; its `Ид` (with a warning) when 1C left `Номер` empty. */
function numberOf(doc: Mapped, externalId: string, warn: Warn): string {
  const number = display(doc, 'Номер');
  if (number) return number;
  if (!one(doc, 'Номер')) missing(doc, 'Номер', 'The document number');
  warn(
    'number_fallback',
    `The document number (Номер) is empty: its Ид «${externalId}» is used`,
    `${doc.path}/Номер`,
    { number: externalId },
  );
  return externalId;
}

/**
 * The tax amount for a line or document amount at `rate` percent: included in `amount`
 * (amount × rate / (100 + rate)) or on top of it (amount × rate / 100), rounded half up to
 * kopecks. Exact: integers only.
 */
export function taxAmount(amount: string, rate: string, included: boolean): string {
  const cents = toCents(amount);
  const bp = toCents(rate); // percent × 100
  const num = cents * bp;
  const den = included ? 10000n + bp : 10000n;
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const rounded = (abs * 2n + den) / (2n * den);
  return fromCents(negative ? -rounded : rounded);
}

/**
 * Fills what 1C left unsaid about the taxes: «included» (`УчтеноВСумме`) from the document's
 * tax of the same name, else from the totals (a document sum above its lines' sum means the tax
 * is on top); a missing amount from the rate.
 */
function completeTaxes(
  items: ContractItemRecord[],
  taxes: TaxRecord[],
  documentSum: string | null,
): void {
  const linesSum = items.reduce((sum, i) => sum + toCents(i.amount), 0n);
  const guess = documentSum !== null ? !(toCents(documentSum) > linesSum) : true;
  for (const t of taxes) t.included ??= guess;
  for (const i of items) {
    const t = i.tax;
    if (!t) continue;
    t.included ??=
      taxes.find((d) => d.name.toLowerCase() === t.name.toLowerCase())?.included ?? guess;
    if (t.amount === null && t.rate !== null && !t.exempt) {
      t.amount = taxAmount(i.amount, t.rate, t.included);
    }
  }
}

export function mapContract(
  doc: Mapped,
  customerExternalId: string,
  warn: Warn = noWarn,
): ContractRecord {
  const externalId = text(doc, 'Ид');
  if (!externalId) {
    const number = display(doc, 'Номер');
    throw new MappingError(
      `The document${number ? ` № ${number}` : ''} has no Ид: it cannot be identified`,
      `${doc.path}/Ид`,
    );
  }
  const requisites = new Requisites(requisitesOf(doc));
  const ext = (name: string) => requisites.get(`${EXT}${name}`);
  const kindRaw = ext('Вид')?.value ?? requisites.get('Вид договора', 'ВидДоговора')?.value ?? null;
  const object = objectOf(doc, warn);
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
    oneLine(
      ext('Статус')?.value ??
        requisites.get('Статус заказа', 'Статус')?.value.replace(/^\[[^\]]*\]\s*/, '') ??
        '',
    ) || 'Новый'
  ).slice(0, 100);
  const planned = ext('ПлановаяДатаОкончания') ?? requisites.get('Плановая дата окончания');
  const plannedEndDate = planned ? date(planned.value) : null;
  if (planned && plannedEndDate === null) {
    throw new MappingError(`The planned end date «${planned.value}» is not a date`, planned.path);
  }
  const items = kids(doc, 'Товары')
    .flatMap((t) => kids(t, 'Товар'))
    .map((t, i) => itemOf(t, i + 1, warn));
  const taxes: TaxRecord[] = taxesOf(doc, warn).map(({ path: _path, ...t }) => t);
  const documentSum = money(doc, 'Сумма', 'The contract total');
  completeTaxes(items, taxes, documentSum);
  const total = documentSum ?? totalOf(items, taxes);
  const currencyRaw = text(doc, 'Валюта');
  const cur = currency(currencyRaw);
  if (!cur) throw new MappingError(`Unknown currency «${currencyRaw}»`, `${doc.path}/Валюта`);
  const schedule: InstallmentRecord[] = kids(doc, 'ГрафикПлатежей')
    .flatMap((g) => kids(g, 'Платеж'))
    .map((p) => {
      const note = text(p, 'Комментарий');
      return {
        dueDate: day(p, 'Дата', 'The payment date') ?? missing(p, 'Дата', 'The payment date'),
        amount:
          money(p, 'Сумма', 'The payment amount') ?? missing(p, 'Сумма', 'The payment amount'),
        note: note === null ? null : tidyLines(note) || null,
      };
    });
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
      const stageId = required(s, 'Ид', 'The stage id');
      let stageName = display(s, 'Наименование');
      if (!stageName) {
        stageName = `Этап ${stageId}`;
        warn(
          'name_fallback',
          `Stage ${stageId} has no name (Наименование): shown as «${stageName}»`,
          `${s.path}/Наименование`,
          { name: stageName },
        );
      }
      const description = text(s, 'Описание');
      return {
        externalId: stageId,
        name: stageName,
        description: description === null ? null : tidyLines(description) || null,
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
    ? documentBlocks.flatMap((g) => kids(g, 'Документ')).map((d) => documentOf(d, warn))
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
    externalId,
    number: clip(numberOf(doc, externalId, warn), 50, `${doc.path}/Номер`, 'The number', warn),
    date: day(doc, 'Дата', 'The document date') ?? missing(doc, 'Дата', 'The document date'),
    customerExternalId,
    managerExternalId: ext('Менеджер')?.value ?? null,
    assigneeExternalIds: assignees,
    kind,
    status,
    closed,
    total,
    currency: cur,
    taxes,
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

/** The total when 1C gives no `Сумма`: the lines, plus the taxes on top of them. */
function totalOf(items: ContractItemRecord[], taxes: TaxRecord[]): string {
  const lines = items.reduce((sum, i) => sum + toCents(i.amount), 0n);
  const onTop = (taxes.length ? taxes : items.flatMap((i) => (i.tax ? [i.tax] : [])))
    .filter((t) => t.included === false && t.amount !== null)
    .reduce((sum, t) => sum + toCents(t.amount!), 0n);
  return fromCents(lines + onTop);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `Кабинет:Документ`: what it is and its file, base64 in `Кабинет:Данные`. */
function documentOf(d: Mapped, warn: Warn): DocumentRecord {
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
  const externalId = required(d, 'Ид', 'The document id');
  const kind = (display(d, 'Вид') ?? 'Документ').slice(0, 200);
  const number = display(d, 'Номер');
  let title = display(d, 'Наименование');
  if (!title) {
    title = number ? `${kind} № ${number}` : fileName;
    warn(
      'name_fallback',
      `Document ${externalId} has no title (Наименование): shown as «${title}»`,
      `${d.path}/Наименование`,
      { name: title },
    );
  }
  return {
    externalId,
    kind,
    title: title.slice(0, 500),
    number,
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
export function mapPayment(doc: Mapped, warn: Warn = noWarn): PaymentRecord {
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
  const externalId = text(doc, 'Ид');
  if (!externalId) {
    throw new MappingError(
      'The payment document has no Ид: it cannot be identified',
      `${doc.path}/Ид`,
    );
  }
  const method = requisites.get('Метод оплаты', 'Способ оплаты')?.value;
  return {
    externalId,
    number: clip(numberOf(doc, externalId, warn), 50, `${doc.path}/Номер`, 'The number', warn),
    date: day(doc, 'Дата', 'The document date') ?? missing(doc, 'Дата', 'The document date'),
    contractExternalId: contract,
    amount,
    currency: cur,
    method: method
      ? oneLine(method)
      : /безналичн/i.test(op)
        ? 'Безналичный расчет'
        : /наличн/i.test(op)
          ? 'Наличные'
          : null,
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

/** A decimal string as whole kopecks (hundredths), rounded half up beyond two places. Exact. */
export function toCents(value: string): bigint {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`Not a decimal: «${value}»`);
  const [, minus, whole = '', fraction = ''] = m;
  let cents = BigInt(whole || '0') * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  return minus ? -cents : cents;
}

/** Kopecks as a decimal string with two places: 123450n → `1234.50`. */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
