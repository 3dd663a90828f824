/**
 * Records as the 1C exchange brings them, mapped from CommerceML 2 and the Кабинет extension.
 * Everything is keyed by the 1C id (`externalId`, the element `Ид`, any string, not only GUIDs);
 * money and quantities are decimal strings exactly as in the file (never floats, `.` as the
 * separator); dates are `YYYY-MM-DD` as in the file. `deleted` is 1C's `ПометкаУдаления` (or
 * `Статус="Удален"`): the record is archived, not erased.
 */

/** The kinds of staff accounts 1C can send (`Кабинет:Роль`). */
export type StaffRoleName =
  'admin' | 'manager' | 'operator' | 'estimator' | 'measurer' | 'foreman' | 'head';

/** What a contract is for; decides which object data the cabinet shows. */
export type ContractKindName = 'memorial' | 'renovation' | 'consulting' | 'other';

/** A raw requisite (`ЗначениеРеквизита`): kept so new ones need no code change. */
export interface Requisite {
  name: string;
  value: string;
}

export interface StaffRecord {
  externalId: string;
  login: string;
  fullName: string;
  role: StaffRoleName;
  phone: string | null;
  email: string | null;
  deleted: boolean;
}

/** A phone among the counterparty's contacts (`Контакты/Контакт`), as 1C wrote it. */
export interface ContactPhone {
  /** `Тип` as in the file, e.g. «Телефон мобильный», «ТелефонРабочий», «Прочее». */
  type: string;
  value: string;
}

/** A bank account of the counterparty (`РасчетныеСчета/РасчетныйСчет`). */
export interface BankAccountRecord {
  /** `НомерСчета`, as written. */
  account: string;
  /** `Банк/Наименование`. */
  bankName: string | null;
  /** `Банк/БИК`. */
  bik: string | null;
  /** `Банк/СчетКорреспондентский`. */
  correspondentAccount: string | null;
}

/**
 * What 1C knows about a company (or a person registered as one): from the counterparty itself
 * (CommerceML's `РеквизитыЮрЛица`/`РеквизитыФизЛица` groups) or from a `ЮридическоеЛицо`,
 * `ФизическоеЛицо` or `Реквизиты` element around them, as stock exports write it.
 */
export interface LegalDetailsRecord {
  /** `ИНН`: 10 digits for a company, 12 for a person (kept as written when it is neither). */
  inn: string | null;
  /** `КПП`: 9 characters. */
  kpp: string | null;
  /** `ОфициальноеНаименование`: the name in the founding documents. */
  officialName: string | null;
  /** `ЮридическийАдрес` (a company) or `АдресРегистрации` (a person): `Представление`, else its fields. */
  legalAddress: string | null;
  /** `Адрес`: the actual (postal) address. */
  postalAddress: string | null;
  bankAccounts: BankAccountRecord[];
}

export interface CustomerRecord {
  externalId: string;
  fullName: string;
  /**
   * The login phone exactly as in 1C: the first of `phones`. The importer takes the first of
   * `phones` that is a valid number (a mobile one before others) and normalises it to E.164.
   */
  phoneRaw: string | null;
  /** Every phone among the contacts, mobile types first, then other phone types, then the rest. */
  phones: ContactPhone[];
  email: string | null;
  /** Requisites of a company; null when the file gives none. */
  legal: LegalDetailsRecord | null;
  /** Bonus balance; null when the file does not say (the stored one is kept). */
  bonusBalance: string | null;
  requisites: Requisite[];
  deleted: boolean;
}

/**
 * A tax (`Налог`, `СтавкаНалога`) of a line or of the whole document. Kabinet shows VAT: per line
 * its rate and amount, in the totals "VAT included" or "VAT on top".
 */
export interface TaxRecord {
  /** `Наименование`, e.g. «НДС». */
  name: string;
  /** The rate in percent as a decimal string (`20`, `10`, `0`); null when exempt or not given. */
  rate: string | null;
  /** 1C says the line is not taxed: «Без НДС», «Без налога», «НДС не облагается». */
  exempt: boolean;
  /** The tax amount (`Сумма`); computed from the rate when 1C gives only the rate. */
  amount: string | null;
  /** `УчтеноВСумме`: true = included in the amounts, false = on top of them. */
  included: boolean | null;
}

export interface ContractItemRecord {
  externalId: string | null;
  /** For display: whitespace collapsed (1C names often carry line breaks and indentation). */
  name: string;
  /** The name exactly as in the file (trimmed), when it differs from `name`; else null. */
  nameRaw: string | null;
  kind: 'goods' | 'service';
  quantity: string;
  unit: string;
  price: string;
  amount: string;
  /** The line's VAT (`Налоги/Налог` and `СтавкиНалогов/СтавкаНалога`); null when none is given. */
  tax: TaxRecord | null;
}

/** One row of the payment schedule (`Кабинет:ГрафикПлатежей/Кабинет:Платеж`). */
export interface InstallmentRecord {
  dueDate: string;
  amount: string;
  note: string | null;
}

/** A planned stage of work (renovation), drawn as a Gantt chart. */
export interface StageRecord {
  externalId: string;
  name: string;
  description: string | null;
  startDate: string;
  endDate: string;
  /** The stage that must finish first, by its `externalId` within the same contract. */
  previousExternalId: string | null;
}

export interface DeceasedRecord {
  fullName: string;
  birthDate: string | null;
  deathDate: string | null;
}

export interface MonumentRecord {
  material: string | null;
  size: string | null;
  cemetery: string | null;
  plot: string | null;
  inscription: string | null;
  /** Any other monument fields 1C sends, by their Russian names. */
  extra: Requisite[];
}

export interface RenovationObjectRecord {
  address: string | null;
  /** Area in m², decimal string. */
  area: string | null;
  rooms: number | null;
  extra: Requisite[];
}

/** Typed object data per contract kind; absent parts are simply not there. */
export interface ContractObjectRecord {
  deceased?: DeceasedRecord[];
  monument?: MonumentRecord;
  renovation?: RenovationObjectRecord;
}

/** The largest file a document may carry (after base64 decoding). */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/**
 * A document of the contract the customer can open (`Кабинет:Документы/Кабинет:Документ`): the
 * signed contract, acts, invoices… with its file inline as base64.
 */
export interface DocumentRecord {
  externalId: string;
  /** As 1C names the kind: «Договор», «Акт выполненных работ», «Счёт на оплату»… */
  kind: string;
  title: string;
  number: string | null;
  date: string | null;
  fileName: string;
  /** SHA-256 of the bytes, hex: stands for them in record hashes. */
  sha256: string;
  /** The file's bytes (decoded). Record hashes leave this out; `sha256` covers it. */
  bytes: Buffer;
}

export interface ContractRecord {
  externalId: string;
  number: string;
  date: string;
  customerExternalId: string;
  managerExternalId: string | null;
  /** Specialists working on the contract (foreman, estimator, measurer), by staff 1C id. */
  assigneeExternalIds: string[];
  kind: ContractKindName;
  status: string;
  closed: boolean;
  total: string;
  currency: string;
  /** The document's taxes (`Документ/Налоги/Налог`); empty when it gives none. */
  taxes: TaxRecord[];
  plannedEndDate: string | null;
  object: ContractObjectRecord;
  requisites: Requisite[];
  items: ContractItemRecord[];
  schedule: InstallmentRecord[];
  stages: StageRecord[];
  /** Null when the file has no `Кабинет:Документы`: the stored documents stay as they are. */
  documents: DocumentRecord[] | null;
  deleted: boolean;
}

/** A payment document (ХозОперация «Выплата наличных денег» / «Выплата безналичных денег»). */
export interface PaymentRecord {
  externalId: string;
  number: string;
  date: string;
  contractExternalId: string;
  amount: string;
  currency: string;
  /** How it was paid, as 1C says it (e.g. «Наличные», «Безналичный расчет», «Онлайн»). */
  method: string | null;
  deleted: boolean;
}

/** One record of a file, with the line it starts on (for error reports). */
export type ExchangeRecord =
  | { type: 'staff'; line: number; record: StaffRecord }
  | { type: 'customer'; line: number; record: CustomerRecord }
  | { type: 'contract'; line: number; record: ContractRecord }
  | { type: 'payment'; line: number; record: PaymentRecord };

export type ExchangeRecordType = ExchangeRecord['type'];

/** What the file says about itself (the root element). */
export interface ExchangeHeader {
  /** `ВерсияСхемы`, e.g. "2.08". */
  schemaVersion: string | null;
  /** `ДатаФормирования` as in the file. */
  generatedAt: string | null;
  /** The root's namespace, or null when there is none. */
  namespace: string | null;
  /** The encoding the bytes were decoded with (from the BOM or the declaration). */
  encoding: string;
  /**
   * False only when the file declares `СодержитТолькоИзменения="false"` (a full export): the
   * importer then archives customers and contracts absent from the file.
   */
  onlyChanges: boolean;
}

/** Why a value was replaced or left out: stable codes (the admin page translates them). */
export const WARNING_CODES = [
  /** A name or title is empty: a fallback was used (full name → official name → «Контрагент <Ид>»). */
  'name_fallback',
  /** The document number is empty: its `Ид` is used. */
  'number_fallback',
  /** An address element is empty: left out. */
  'address_empty',
  /** ИНН or КПП is not in the expected form: kept as written. */
  'requisite_format',
  /** Longer than Kabinet keeps: cut. */
  'value_truncated',
  /** A tax rate that is not a number: the line is shown without its rate. */
  'tax_rate_unknown',
  /** A deceased person without a name: left out. */
  'deceased_skipped',
  /** No valid phone number among the contacts: kept as written, the customer cannot log in. */
  'phone_invalid',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Something in a record that Kabinet imported with a fallback, or left out: the record itself
 * is imported. `message` is English and self-contained; `params` are its facts for translations.
 */
export interface ExchangeWarning {
  code: WarningCode;
  message: string;
  /** Which record, e.g. «Контрагент c-17», «Документ ЗК-12». */
  record: string;
  /** The line the value is on (else the record's). */
  line: number;
  /** The element path inside the record, e.g. `Контрагент/Наименование`. */
  element: string;
  params: Record<string, string>;
}
