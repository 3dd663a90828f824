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

export interface CustomerRecord {
  externalId: string;
  fullName: string;
  /** The login phone exactly as in 1C (mobile preferred); the importer normalises it to E.164. */
  phoneRaw: string | null;
  email: string | null;
  /** Bonus balance; null when the file does not say (the stored one is kept). */
  bonusBalance: string | null;
  requisites: Requisite[];
  deleted: boolean;
}

export interface ContractItemRecord {
  externalId: string | null;
  name: string;
  kind: 'goods' | 'service';
  quantity: string;
  unit: string;
  price: string;
  amount: string;
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
