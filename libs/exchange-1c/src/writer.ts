import { encode } from './encoding';
import { EXT, ROLE_TITLES } from './mapping';
import type {
  ContractRecord,
  CustomerRecord,
  PaymentRecord,
  Requisite,
  StaffRecord,
  TaxRecord,
} from './records';

/** Everything one import file can carry (the writer's input; the parser yields the same records). */
export interface ImportFileContent {
  staff: StaffRecord[];
  customers: CustomerRecord[];
  contracts: ContractRecord[];
  payments: PaymentRecord[];
}

export interface WriteImportOptions {
  /** `ВерсияСхемы`; default "2.10". */
  schemaVersion?: string;
  /** `ДатаФормирования`, e.g. "2026-11-23T10:00:00". */
  generatedAt: string;
  /** Writes `СодержитТолькоИзменения="false"` (a full export) when false; default true. */
  onlyChanges?: boolean;
  /** "utf-8" (default) or "windows-1251": the declaration and the bytes follow it. */
  encoding?: 'utf-8' | 'windows-1251';
}

/** The namespace of the Кабинет extension elements (see FORMAT.md and kabinet-extension.xsd). */
export const KABINET_NS = 'urn:kabinet:exchange:1';
const K = 'Кабинет:';

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A tiny indenting XML builder: one element per line, so error lines point somewhere useful. */
class Xml {
  private readonly lines: string[] = [];
  constructor(private depth = 0) {}
  open(name: string, attrs: Record<string, string> = {}) {
    const a = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join('');
    this.lines.push(`${'\t'.repeat(this.depth)}<${name}${a}>`);
    this.depth++;
    return this;
  }
  close(name: string) {
    this.depth--;
    this.lines.push(`${'\t'.repeat(this.depth)}</${name}>`);
    return this;
  }
  leaf(name: string, value: string | number | boolean | null | undefined) {
    if (value === null || value === undefined) return this;
    this.lines.push(`${'\t'.repeat(this.depth)}<${name}>${esc(String(value))}</${name}>`);
    return this;
  }
  requisites(list: Requisite[]) {
    if (!list.length) return this;
    this.open('ЗначенияРеквизитов');
    for (const r of list) {
      this.open('ЗначениеРеквизита').leaf('Наименование', r.name).leaf('Значение', r.value);
      this.close('ЗначениеРеквизита');
    }
    return this.close('ЗначенияРеквизитов');
  }
  /** `Налоги/Налог`: the tax's name, «included», amount, and the rate when `withRate`. */
  taxes(list: TaxRecord[], withRate: boolean) {
    const written = list.filter((t) => t.amount !== null || t.included !== null);
    if (!written.length) return this;
    this.open('Налоги');
    for (const t of written) {
      this.open('Налог')
        .leaf('Наименование', t.name)
        .leaf('УчтеноВСумме', t.included === null ? null : String(t.included))
        .leaf('Сумма', t.amount)
        .leaf('Ставка', withRate ? (t.exempt ? 'Без НДС' : t.rate) : null)
        .close('Налог');
    }
    return this.close('Налоги');
  }
  toString() {
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }
}

/**
 * Writes an import file in parts (header, records, footer), each as bytes in the file's encoding,
 * so a file of any size can be written in chunks. Customers with contracts travel inside their
 * contracts' documents (as 1C writes orders); the others in a root-level `Контрагенты`.
 */
export class ImportFileWriter {
  readonly encoding: 'utf-8' | 'windows-1251';
  constructor(private readonly options: WriteImportOptions) {
    this.encoding = options.encoding ?? 'utf-8';
  }

  private bytes(text: string): Buffer {
    return encode(text, this.encoding);
  }

  header(): Buffer {
    const attrs: Record<string, string> = {
      xmlns: 'urn:1C.ru:commerceml_210',
      'xmlns:Кабинет': KABINET_NS,
      ВерсияСхемы: this.options.schemaVersion ?? '2.10',
      ДатаФормирования: this.options.generatedAt,
    };
    if (this.options.onlyChanges === false) attrs['СодержитТолькоИзменения'] = 'false';
    const a = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join('');
    const declared = this.encoding === 'utf-8' ? 'UTF-8' : 'windows-1251';
    return this.bytes(
      `<?xml version="1.0" encoding="${declared}"?>\n<КоммерческаяИнформация${a}>\n`,
    );
  }

  staff(list: StaffRecord[]): Buffer {
    if (!list.length) return Buffer.alloc(0);
    const x = new Xml(1).open(`${K}Сотрудники`);
    for (const s of list) {
      x.open(`${K}Сотрудник`)
        .leaf(`${K}Ид`, s.externalId)
        .leaf(`${K}Логин`, s.login)
        .leaf(`${K}ФИО`, s.fullName)
        .leaf(`${K}Роль`, ROLE_TITLES[s.role])
        .leaf(`${K}Телефон`, s.phone)
        .leaf(`${K}Почта`, s.email)
        .leaf(`${K}ПометкаУдаления`, s.deleted ? 'true' : null)
        .close(`${K}Сотрудник`);
    }
    return this.bytes(x.close(`${K}Сотрудники`).toString());
  }

  private customerXml(x: Xml, c: CustomerRecord, role: string | null) {
    x.open('Контрагент').leaf('Ид', c.externalId).leaf('Наименование', c.fullName);
    if (role) x.leaf('Роль', role);
    x.leaf('ПолноеНаименование', c.fullName);
    const l = c.legal;
    if (l) {
      x.leaf('ОфициальноеНаименование', l.officialName);
      if (l.legalAddress !== null) {
        x.open('ЮридическийАдрес').leaf('Представление', l.legalAddress).close('ЮридическийАдрес');
      }
      x.leaf('ИНН', l.inn).leaf('КПП', l.kpp);
      if (l.bankAccounts.length) {
        x.open('РасчетныеСчета');
        for (const a of l.bankAccounts) {
          x.open('РасчетныйСчет').leaf('НомерСчета', a.account).open('Банк');
          x.leaf('СчетКорреспондентский', a.correspondentAccount)
            .leaf('Наименование', a.bankName)
            .leaf('БИК', a.bik)
            .close('Банк')
            .close('РасчетныйСчет');
        }
        x.close('РасчетныеСчета');
      }
      if (l.postalAddress !== null) {
        x.open('Адрес').leaf('Представление', l.postalAddress).close('Адрес');
      }
    }
    const phones = c.phones.length
      ? c.phones
      : c.phoneRaw !== null
        ? [{ type: 'Телефон мобильный', value: c.phoneRaw }]
        : [];
    if (phones.length || c.email !== null) {
      x.open('Контакты');
      for (const p of phones) {
        x.open('Контакт').leaf('Тип', p.type).leaf('Значение', p.value).close('Контакт');
      }
      if (c.email !== null) {
        x.open('Контакт').leaf('Тип', 'Почта').leaf('Значение', c.email).close('Контакт');
      }
      x.close('Контакты');
    }
    x.leaf('ПометкаУдаления', c.deleted ? 'true' : null);
    x.requisites([
      ...c.requisites,
      ...(c.bonusBalance !== null ? [{ name: `${EXT}БонусныйБаланс`, value: c.bonusBalance }] : []),
    ]);
    x.close('Контрагент');
  }

  /** Customers without contracts in this file (root-level `Контрагенты`). */
  customers(list: CustomerRecord[]): Buffer {
    if (!list.length) return Buffer.alloc(0);
    const x = new Xml(1).open('Контрагенты');
    for (const c of list) this.customerXml(x, c, null);
    return this.bytes(x.close('Контрагенты').toString());
  }

  contract(k: ContractRecord, customer: CustomerRecord): Buffer {
    const x = new Xml(1).open('Документ');
    x.leaf('Ид', k.externalId)
      .leaf('Номер', k.number)
      .leaf('Дата', k.date)
      .leaf('ХозОперация', 'Заказ товара')
      .leaf('Роль', 'Продавец')
      .leaf('Валюта', k.currency)
      .leaf('Курс', '1')
      .leaf('Сумма', k.total)
      .leaf('ПометкаУдаления', k.deleted ? 'true' : null);
    x.open('Контрагенты');
    this.customerXml(x, customer, 'Покупатель');
    x.close('Контрагенты');
    x.taxes(k.taxes, true);
    if (k.items.length) {
      x.open('Товары');
      for (const i of k.items) {
        x.open('Товар')
          .leaf('Ид', i.externalId)
          .leaf('Наименование', i.nameRaw ?? i.name)
          .leaf('БазоваяЕдиница', i.unit);
        if (i.tax && (i.tax.rate !== null || i.tax.exempt)) {
          x.open('СтавкиНалогов')
            .open('СтавкаНалога')
            .leaf('Наименование', i.tax.name)
            .leaf('Ставка', i.tax.exempt ? 'Без НДС' : i.tax.rate)
            .close('СтавкаНалога')
            .close('СтавкиНалогов');
        }
        x.leaf('ЦенаЗаЕдиницу', i.price)
          .leaf('Количество', i.quantity)
          .leaf('Сумма', i.amount)
          .taxes(i.tax ? [i.tax] : [], false)
          .requisites([
            { name: 'ВидНоменклатуры', value: i.kind === 'service' ? 'Услуга' : 'Товар' },
          ])
          .close('Товар');
      }
      x.close('Товары');
    }
    x.requisites([
      ...k.requisites,
      { name: `${EXT}Вид`, value: k.kind },
      { name: `${EXT}Статус`, value: k.status },
      { name: `${EXT}Закрыт`, value: k.closed ? 'true' : 'false' },
      ...(k.managerExternalId ? [{ name: `${EXT}Менеджер`, value: k.managerExternalId }] : []),
      ...(k.assigneeExternalIds.length
        ? [{ name: `${EXT}Исполнители`, value: k.assigneeExternalIds.join(', ') }]
        : []),
      ...(k.plannedEndDate
        ? [{ name: `${EXT}ПлановаяДатаОкончания`, value: k.plannedEndDate }]
        : []),
    ]);
    const o = k.object;
    if (o.deceased?.length || o.monument || o.renovation) {
      x.open(`${K}Объект`);
      for (const d of o.deceased ?? []) {
        x.open(`${K}Умерший`)
          .leaf(`${K}ФИО`, d.fullName)
          .leaf(`${K}ДатаРождения`, d.birthDate)
          .leaf(`${K}ДатаСмерти`, d.deathDate)
          .close(`${K}Умерший`);
      }
      if (o.monument) {
        const m = o.monument;
        x.open(`${K}Памятник`)
          .leaf(`${K}Материал`, m.material)
          .leaf(`${K}Размер`, m.size)
          .leaf(`${K}Кладбище`, m.cemetery)
          .leaf(`${K}Участок`, m.plot)
          .leaf(`${K}Надпись`, m.inscription)
          .requisites(m.extra)
          .close(`${K}Памятник`);
      }
      if (o.renovation) {
        const r = o.renovation;
        x.open(`${K}ОбъектРемонта`)
          .leaf(`${K}Адрес`, r.address)
          .leaf(`${K}Площадь`, r.area)
          .leaf(`${K}Комнат`, r.rooms)
          .requisites(r.extra)
          .close(`${K}ОбъектРемонта`);
      }
      x.close(`${K}Объект`);
    }
    if (k.schedule.length) {
      x.open(`${K}ГрафикПлатежей`);
      for (const s of k.schedule) {
        x.open(`${K}Платеж`)
          .leaf(`${K}Дата`, s.dueDate)
          .leaf(`${K}Сумма`, s.amount)
          .leaf(`${K}Комментарий`, s.note)
          .close(`${K}Платеж`);
      }
      x.close(`${K}ГрафикПлатежей`);
    }
    if (k.stages.length) {
      x.open(`${K}Этапы`);
      for (const s of k.stages) {
        x.open(`${K}Этап`)
          .leaf(`${K}Ид`, s.externalId)
          .leaf(`${K}Наименование`, s.name)
          .leaf(`${K}Описание`, s.description)
          .leaf(`${K}ДатаНачала`, s.startDate)
          .leaf(`${K}ДатаОкончания`, s.endDate)
          .leaf(`${K}Предыдущий`, s.previousExternalId)
          .close(`${K}Этап`);
      }
      x.close(`${K}Этапы`);
    }
    if (k.documents) {
      x.open(`${K}Документы`);
      for (const d of k.documents) {
        x.open(`${K}Документ`)
          .leaf(`${K}Ид`, d.externalId)
          .leaf(`${K}Вид`, d.kind)
          .leaf(`${K}Наименование`, d.title)
          .leaf(`${K}Номер`, d.number)
          .leaf(`${K}Дата`, d.date)
          .leaf(`${K}ИмяФайла`, d.fileName)
          .leaf(`${K}Данные`, d.bytes.toString('base64'))
          .close(`${K}Документ`);
      }
      x.close(`${K}Документы`);
    }
    return this.bytes(x.close('Документ').toString());
  }

  payment(p: PaymentRecord): Buffer {
    const cash = /налич/i.test(p.method ?? '') && !/безнал/i.test(p.method ?? '');
    const x = new Xml(1).open('Документ');
    x.leaf('Ид', p.externalId)
      .leaf('Номер', p.number)
      .leaf('Дата', p.date)
      .leaf('ХозОперация', cash ? 'Выплата наличных денег' : 'Выплата безналичных денег')
      .leaf('Роль', 'Продавец')
      .leaf('Валюта', p.currency)
      .leaf('Курс', '1')
      .leaf('Сумма', p.amount)
      .leaf('ПометкаУдаления', p.deleted ? 'true' : null)
      .requisites([
        { name: `${EXT}Договор`, value: p.contractExternalId },
        ...(p.method !== null ? [{ name: 'Метод оплаты', value: p.method }] : []),
      ]);
    return this.bytes(x.close('Документ').toString());
  }

  footer(): Buffer {
    return this.bytes('</КоммерческаяИнформация>\n');
  }
}

/**
 * Writes an import file the way 1C would send it (CommerceML 2 + the Кабинет extension, as
 * FORMAT.md describes). Used for the demo data, the samples, the benchmark's generated file and
 * round-trip tests: parse(writeImportFile(x)) yields x.
 */
export function writeImportFile(content: ImportFileContent, options: WriteImportOptions): Buffer {
  const w = new ImportFileWriter(options);
  const byId = new Map(content.customers.map((c) => [c.externalId, c]));
  const withContracts = new Set(content.contracts.map((k) => k.customerExternalId));
  const parts = [
    w.header(),
    w.staff(content.staff),
    w.customers(content.customers.filter((c) => !withContracts.has(c.externalId))),
  ];
  for (const k of content.contracts) {
    const customer = byId.get(k.customerExternalId);
    if (!customer)
      throw new Error(
        `Contract ${k.number}: customer ${k.customerExternalId} is not in the content`,
      );
    parts.push(w.contract(k, customer));
  }
  for (const p of content.payments) parts.push(w.payment(p));
  parts.push(w.footer());
  return Buffer.concat(parts);
}

/** Changes born in Kabinet that go back to 1C. Every change has a stable id (exported once). */
export type ExportChange =
  | {
      kind: 'profile_change_request';
      id: string;
      createdAt: string;
      customerExternalId: string;
      field: 'phone' | 'email';
      oldValue: string | null;
      newValue: string;
      comment: string | null;
    }
  | {
      kind: 'offer_request';
      id: string;
      createdAt: string;
      customerExternalId: string;
      offerExternalId: string | null;
      title: string;
      comment: string | null;
    }
  | {
      kind: 'online_payment';
      id: string;
      createdAt: string;
      customerExternalId: string;
      contractExternalId: string;
      amount: string;
      currency: string;
      /** The payment provider's id of the transaction. */
      providerPaymentId: string;
      paidAt: string;
    }
  | {
      kind: 'signed_document';
      id: string;
      createdAt: string;
      customerExternalId: string;
      contractExternalId: string;
      documentExternalId: string;
      documentTitle: string;
      signedAt: string;
      /** The phone the signing code was sent to (simple electronic signature). */
      signerPhone: string;
      /** SHA-256 of the signed file, hex. */
      documentSha256: string;
    }
  | ChatApprovalChange;

/** Who took a step of an approval: the customer (an account of theirs) or a staff member. */
export interface ApprovalActor {
  kind: 'customer' | 'staff';
  /** Their 1C id, when they have one (a person a contract is shared with may have none). */
  externalId: string | null;
  name: string;
}

/**
 * A decision on an approval asked in a chat: the customer approved or rejected a message (its
 * picture), or staff revoked the customer's decision. One change per decision.
 */
export interface ChatApprovalChange {
  kind: 'chat_approval';
  id: string;
  createdAt: string;
  /** The chat's customer (the contract's owner). */
  customerExternalId: string;
  contractExternalId: string | null;
  contractNumber: string | null;
  /** `Ч-000123`. */
  chatNumber: string;
  /** The message put up for approval (digits). */
  messageId: string;
  /** The approval's id in Kabinet (the same for every decision on it). */
  approvalId: string;
  /** The message's text (its first 1000 characters). */
  messageText: string;
  /** The file name of the picture approved (the version), if the message has one. */
  attachmentName: string | null;
  /** 1 for an original picture, 2 for its first replacement, ... */
  version: number;
  /** YYYY-MM-DD. */
  deadline: string | null;
  state: 'approved' | 'rejected' | 'revoked';
  by: ApprovalActor;
  /** When the decision was taken (`YYYY-MM-DDTHH:MM:SS`, UTC). */
  at: string;
  /** Why (a rejection's or a revocation's reason). */
  reason: string | null;
}

export type ExportChangeKind = ExportChange['kind'];

export interface WriteExportOptions {
  /** The outbox file's sequence number (also in the file name). */
  number: number;
  generatedAt: string;
}

/** The element name of each change kind in the export file. */
const CHANGE_ELEMENTS: Record<Exclude<ExportChangeKind, 'online_payment'>, string> = {
  profile_change_request: 'ЗапросИзмененияДанных',
  offer_request: 'ЗаявкаПоПредложению',
  signed_document: 'ПодписанныйДокумент',
  chat_approval: 'СогласованиеВЧате',
};

/** Field names of the changes in the file (Russian, as 1C programmers read them). */
const FIELD_NAMES: Record<string, string> = {
  customerExternalId: 'Контрагент',
  contractExternalId: 'Договор',
  field: 'Поле',
  oldValue: 'СтароеЗначение',
  newValue: 'НовоеЗначение',
  comment: 'Комментарий',
  offerExternalId: 'Предложение',
  title: 'Наименование',
  documentExternalId: 'Документ',
  documentTitle: 'НаименованиеДокумента',
  signedAt: 'ДатаПодписания',
  signerPhone: 'ТелефонПодписанта',
  documentSha256: 'SHA256',
};

/** How 1C reads an approval's state and who took the step. */
const APPROVAL_STATE_NAMES: Record<ChatApprovalChange['state'], string> = {
  approved: 'Согласовано',
  rejected: 'Отклонено',
  revoked: 'Отозвано',
};
const ACTOR_KIND_NAMES: Record<ApprovalActor['kind'], string> = {
  customer: 'Покупатель',
  staff: 'Сотрудник',
};

/** `Кабинет:СогласованиеВЧате`, its fields in the order kabinet-extension.xsd lists them. */
function approvalXml(x: Xml, c: ChatApprovalChange): void {
  const name = `${K}${CHANGE_ELEMENTS.chat_approval}`;
  x.open(name)
    .leaf(`${K}Ид`, c.id)
    .leaf(`${K}Создано`, c.createdAt)
    .leaf(`${K}Контрагент`, c.customerExternalId)
    .leaf(`${K}Договор`, c.contractExternalId)
    .leaf(`${K}НомерДоговора`, c.contractNumber)
    .leaf(`${K}Чат`, c.chatNumber)
    .leaf(`${K}Сообщение`, c.messageId)
    .leaf(`${K}Согласование`, c.approvalId)
    .leaf(`${K}ТекстСообщения`, c.messageText)
    .leaf(`${K}Файл`, c.attachmentName)
    .leaf(`${K}Версия`, c.version)
    .leaf(`${K}Срок`, c.deadline)
    .leaf(`${K}Состояние`, APPROVAL_STATE_NAMES[c.state])
    .open(`${K}Кто`)
    .leaf(`${K}Вид`, ACTOR_KIND_NAMES[c.by.kind])
    .leaf(`${K}Ид`, c.by.externalId)
    .leaf(`${K}ФИО`, c.by.name)
    .close(`${K}Кто`)
    .leaf(`${K}Когда`, c.at)
    .leaf(`${K}Причина`, c.reason)
    .close(name);
}

/**
 * Writes Kabinet's changes as one CommerceML-shaped UTF-8 file for 1C: online payments as payment
 * documents (`Документ` with ХозОперация «Выплата безналичных денег» and the contract in the
 * requisite «Кабинет.Договор»), the rest as Кабинет extension elements. Deterministic for the
 * same input.
 */
export function writeExportFile(changes: ExportChange[], options: WriteExportOptions): Buffer {
  const x = new Xml(1);
  const others = changes.filter((c) => c.kind !== 'online_payment');
  for (const c of changes) {
    if (c.kind !== 'online_payment') continue;
    x.open('Документ')
      .leaf('Ид', c.id)
      .leaf('Номер', `КБ-${options.number}-${c.providerPaymentId}`)
      .leaf('Дата', c.paidAt.slice(0, 10))
      .leaf('Время', c.paidAt.length > 10 ? c.paidAt.slice(11, 19) : null)
      .leaf('ХозОперация', 'Выплата безналичных денег')
      .leaf('Роль', 'Продавец')
      .leaf('Валюта', c.currency)
      .leaf('Курс', '1')
      .leaf('Сумма', c.amount)
      .open('Контрагенты')
      .open('Контрагент')
      .leaf('Ид', c.customerExternalId)
      .leaf('Роль', 'Покупатель')
      .close('Контрагент')
      .close('Контрагенты')
      .requisites([
        { name: `${EXT}Договор`, value: c.contractExternalId },
        { name: 'Метод оплаты', value: 'Онлайн' },
        { name: `${EXT}ИдПлатежа`, value: c.providerPaymentId },
        { name: `${EXT}ИдИзменения`, value: c.id },
      ])
      .close('Документ');
  }
  if (others.length) {
    x.open(`${K}Изменения`);
    for (const c of others) {
      if (c.kind === 'chat_approval') {
        approvalXml(x, c);
        continue;
      }
      const name = `${K}${CHANGE_ELEMENTS[c.kind]}`;
      x.open(name)
        .leaf(`${K}Ид`, c.id)
        .leaf(`${K}Создано`, c.createdAt)
        .leaf(`${K}Контрагент`, c.customerExternalId);
      for (const [key, value] of Object.entries(c).sort(([a], [b]) => a.localeCompare(b))) {
        if (['kind', 'id', 'createdAt', 'customerExternalId'].includes(key)) continue;
        x.leaf(`${K}${FIELD_NAMES[key] ?? key}`, value as string | null);
      }
      x.close(name);
    }
    x.close(`${K}Изменения`);
  }
  const attrs = [
    ` xmlns="urn:1C.ru:commerceml_210"`,
    ` xmlns:Кабинет="${KABINET_NS}"`,
    ` ВерсияСхемы="2.10"`,
    ` ДатаФормирования="${esc(options.generatedAt)}"`,
    ` Кабинет:НомерВыгрузки="${options.number}"`,
  ].join('');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация${attrs}>\n${x.toString()}</КоммерческаяИнформация>\n`,
    'utf8',
  );
}
