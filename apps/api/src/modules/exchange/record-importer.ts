import { createHash } from 'node:crypto';
import type {
  ContractRecord,
  CustomerRecord,
  DocumentRecord,
  ExchangeHeader,
  ExchangeRecord,
  ExchangeWarning,
  PaymentRecord,
  StaffRecord,
} from '@kabinet/exchange-1c';
import type { NotificationKind } from '@kabinet/shared';
import { fromMinor, toMinor } from '@kabinet/shared';
import { normalizePhone, pickLoginPhone } from '../../common/phone';
import { storeFile } from '../files/stored-files';
import { createNotifications } from '../notifications/create-notifications';
import type { RecordCounts } from './exchange-file.entity';
import type { Db, Row, Sql as Statement } from '../../database/sql';

// TRANSITIONAL: the importer's text-and-params statements on a Db, until each domain imports its
// own records with the `sql` tag.
interface TextSql {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}
const textSql = (db: Db): TextSql => ({
  query: <T>(text: string, params: unknown[] = []) =>
    db.query<T>({ text, values: params } as unknown as Statement),
});

/** A record that cannot be imported: the file fails as a whole, with this line in the report. */
export class ImportRecordError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly element: string | null,
  ) {
    super(message);
    this.name = 'ImportRecordError';
  }
}

type Outcome = 'created' | 'updated' | 'unchanged';
const TYPES = ['staff', 'customers', 'contracts', 'payments'] as const;
type CountKey = (typeof TYPES)[number];

const ELEMENT: Record<ExchangeRecord['type'], string> = {
  staff: 'Сотрудник',
  customer: 'Контрагент',
  contract: 'Документ',
  payment: 'Документ',
};

/** A record's content hash; a document's bytes count through their own `sha256`. */
function hashOf(record: unknown): string {
  const json = JSON.stringify(record, (key, value: unknown) =>
    key === 'bytes' ? undefined : value,
  );
  return createHash('sha256').update(json).digest('hex');
}

/** Postgres unique violations we turn into readable import errors. */
function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' ? (e.constraint ?? 'unique') : null;
}

/**
 * Writes one file's records into the database by 1C id, inside the caller's transaction, one
 * record at a time (memory stays flat). A record whose content hash equals the stored one is
 * "unchanged" and costs one SELECT. `finish` archives what a full export did not mention.
 */
export class RecordImporter {
  readonly counts: RecordCounts = Object.fromEntries(
    TYPES.map((t) => [t, { created: 0, updated: 0, unchanged: 0, archived: 0 }]),
  );
  private readonly staffIds = new Map<string, string>();
  private readonly customerIds = new Map<string, string>();
  private readonly contractIds = new Map<string, string>();
  private readonly seenPayments = new Set<string>();
  /** Contracts this file created: their history (old payments) makes no notifications. */
  private readonly newContracts = new Set<string>();

  private readonly tx: TextSql;

  constructor(
    private readonly db: Db,
    private readonly now: Date,
    /** What the importer itself has to say about a record (a phone that is not a number). */
    private readonly warn: (w: ExchangeWarning) => void = () => undefined,
  ) {
    this.tx = textSql(db);
  }

  totals() {
    const t = { created: 0, updated: 0, unchanged: 0, archived: 0 };
    for (const c of Object.values(this.counts)) {
      t.created += c.created;
      t.updated += c.updated;
      t.unchanged += c.unchanged;
      t.archived += c.archived;
    }
    return t;
  }

  async apply(item: ExchangeRecord): Promise<void> {
    try {
      switch (item.type) {
        case 'staff':
          return this.count('staff', await this.staff(item.record, item.line));
        case 'customer':
          return this.count('customers', await this.customer(item.record, item.line));
        case 'contract':
          return this.count('contracts', await this.contract(item.record, item.line));
        case 'payment':
          return this.count('payments', await this.payment(item.record, item.line));
      }
    } catch (err) {
      if (err instanceof ImportRecordError) throw err;
      const constraint = uniqueViolation(err);
      const message = constraint
        ? `${describe(item)} conflicts with stored data (${constraint})`
        : `${describe(item)} could not be saved: ${(err as Error).message}`;
      throw new ImportRecordError(message, item.line, ELEMENT[item.type]);
    }
  }

  private count(type: CountKey, outcome: Outcome) {
    this.counts[type][outcome]++;
  }

  private async staff(r: StaffRecord, line: number): Promise<Outcome> {
    const hash = hashOf(r);
    const login = r.login.trim().toLowerCase();
    const existing: Array<{ id: string; source_hash: string | null }> = await this.tx.query(
      'SELECT id, source_hash FROM staff_users WHERE external_id = $1',
      [r.externalId],
    );
    if (existing[0]?.source_hash === hash) {
      this.staffIds.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const taken: Array<{ external_id: string | null }> = await this.tx.query(
      'SELECT external_id FROM staff_users WHERE login = $1 AND external_id IS DISTINCT FROM $2',
      [login, r.externalId],
    );
    if (taken.length) {
      throw new ImportRecordError(
        taken[0].external_id
          ? `Staff login «${login}» of ${r.externalId} already belongs to 1C staff member ${taken[0].external_id}`
          : `Staff login «${login}» of ${r.externalId} is taken by an account created in Kabinet`,
        line,
        'Сотрудник',
      );
    }
    const values = [
      r.externalId,
      login,
      r.fullName,
      r.role,
      normalizePhone(r.phone),
      r.email,
      !r.deleted,
      hash,
    ];
    if (existing[0]) {
      await this.tx.query(
        `UPDATE staff_users SET login = $2, full_name = $3, role = $4, phone = $5, email = $6,
                active = $7, source_hash = $8, updated_at = now()
          WHERE external_id = $1`,
        values,
      );
      this.staffIds.set(r.externalId, existing[0].id);
      return 'updated';
    }
    const rows: Array<{ id: string }> = await this.tx.query(
      `INSERT INTO staff_users (external_id, login, full_name, role, phone, email, active, source_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      values,
    );
    this.staffIds.set(r.externalId, rows[0].id);
    return 'created';
  }

  private async customer(r: CustomerRecord, line: number): Promise<Outcome> {
    // The login phone: the first valid number among 1C's phones (a mobile one first); when none
    // is valid, the first as written (shown in the profile) and no login.
    const phones = r.phones.length
      ? r.phones
      : r.phoneRaw !== null
        ? [{ type: '', value: r.phoneRaw }]
        : [];
    const login = pickLoginPhone(phones);
    if (!login && phones.length) {
      const written = phones.map((p) => `«${p.value}»`).join(', ');
      this.warn({
        code: 'phone_invalid',
        message: `No valid phone number among the contacts (${written}): kept as written; the customer cannot log in until 1C has one`,
        record: `Контрагент ${r.externalId}`,
        line,
        element: 'Контрагент/Контакты',
        params: { phones: written },
      });
    }
    const hash = hashOf(r);
    const existing: Array<{ id: string; source_hash: string | null }> = await this.tx.query(
      'SELECT id, source_hash FROM customers WHERE external_id = $1',
      [r.externalId],
    );
    if (existing[0]?.source_hash === hash) {
      this.customerIds.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const phone = login?.e164 ?? null;
    const phoneRaw = login?.raw ?? phones[0]?.value ?? null;
    const archivedAt = r.deleted ? this.now : null;
    if (phone && !r.deleted) {
      const owner: Array<{ external_id: string; full_name: string }> = await this.tx.query(
        `SELECT external_id, full_name FROM customers
          WHERE phone = $1 AND archived_at IS NULL AND external_id <> $2`,
        [phone, r.externalId],
      );
      if (owner.length) {
        throw new ImportRecordError(
          `Phone ${phone} of customer ${r.externalId} («${r.fullName}») already belongs to customer ${owner[0].external_id} («${owner[0].full_name}»)`,
          line,
          'Контрагент/Контакты',
        );
      }
    }
    const legal = r.legal;
    const values = [
      r.externalId,
      r.fullName,
      phone,
      phoneRaw,
      r.email,
      r.bonusBalance,
      JSON.stringify(r.requisites),
      archivedAt,
      hash,
      legal?.inn ?? null,
      legal?.kpp ?? null,
      legal?.officialName ?? null,
      legal?.legalAddress ?? null,
      legal?.postalAddress ?? null,
      JSON.stringify(legal?.bankAccounts ?? []),
    ];
    const rows: Array<{ id: string; inserted: boolean }> = await this.tx.query(
      `INSERT INTO customers (external_id, full_name, phone, phone_raw, email, bonus_balance,
                              requisites, archived_at, source_hash, inn, kpp, official_name,
                              legal_address, postal_address, bank_accounts)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::numeric, 0), $7::jsonb, $8, $9, $10, $11, $12,
               $13, $14, $15::jsonb)
       ON CONFLICT (external_id) DO UPDATE SET
         full_name = EXCLUDED.full_name, phone = EXCLUDED.phone, phone_raw = EXCLUDED.phone_raw,
         email = EXCLUDED.email,
         bonus_balance = COALESCE($6::numeric, customers.bonus_balance),
         requisites = EXCLUDED.requisites,
         archived_at = CASE WHEN $8::timestamptz IS NULL THEN NULL
                            ELSE COALESCE(customers.archived_at, $8::timestamptz) END,
         inn = EXCLUDED.inn, kpp = EXCLUDED.kpp, official_name = EXCLUDED.official_name,
         legal_address = EXCLUDED.legal_address, postal_address = EXCLUDED.postal_address,
         bank_accounts = EXCLUDED.bank_accounts,
         source_hash = EXCLUDED.source_hash, updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      values,
    );
    this.customerIds.set(r.externalId, rows[0].id);
    return rows[0].inserted ? 'created' : 'updated';
  }

  /** What the customer is told about a contract 1C created or changed. */
  private async notifyContract(
    id: string,
    customerId: string,
    r: ContractRecord,
    before: { status: string; archived: boolean; schedule: string | null } | null,
  ): Promise<void> {
    if (r.deleted) return;
    const notes: Array<[NotificationKind, Record<string, string>]> = [];
    if (!before || before.archived) {
      notes.push(['contract_added', { number: r.number, status: r.status }]);
    } else {
      if (before.status !== r.status) {
        notes.push([
          'contract_status',
          { number: r.number, status: r.status, previous: before.status },
        ]);
      }
      const schedule = r.schedule
        .map((s) => `${s.dueDate}=${fromMinor(toMinor(s.amount))}`)
        .join(';');
      if ((before.schedule ?? '') !== schedule) {
        notes.push(['schedule_changed', { number: r.number }]);
      }
    }
    await createNotifications(
      this.db,
      notes.map(([kind, params]) => ({ customerId, contractId: id, kind, params })),
    );
  }

  private async staffId(externalId: string, what: string, line: number): Promise<string> {
    const known = this.staffIds.get(externalId);
    if (known) return known;
    const rows: Array<{ id: string }> = await this.tx.query(
      'SELECT id FROM staff_users WHERE external_id = $1',
      [externalId],
    );
    if (!rows[0]) {
      throw new ImportRecordError(
        `Unknown ${what} ${externalId}: no staff member with this 1C id (send it in the staff section first)`,
        line,
        'Документ',
      );
    }
    this.staffIds.set(externalId, rows[0].id);
    return rows[0].id;
  }

  private async customerId(externalId: string, line: number): Promise<string> {
    const known = this.customerIds.get(externalId);
    if (known) return known;
    const rows: Array<{ id: string }> = await this.tx.query(
      'SELECT id FROM customers WHERE external_id = $1',
      [externalId],
    );
    if (!rows[0]) {
      throw new ImportRecordError(`Unknown customer ${externalId}`, line, 'Документ/Контрагенты');
    }
    this.customerIds.set(externalId, rows[0].id);
    return rows[0].id;
  }

  private async contract(r: ContractRecord, line: number): Promise<Outcome> {
    const hash = hashOf(r);
    const customerId = await this.customerId(r.customerExternalId, line);
    const existing: Array<{
      id: string;
      source_hash: string | null;
      status: string;
      archived: boolean;
      schedule: string | null;
    }> = await this.tx.query(
      `SELECT c.id, c.source_hash, c.status, c.archived_at IS NOT NULL AS archived,
              (SELECT string_agg(i.due_date::text || '=' || i.amount::text, ';' ORDER BY i.line_no)
                 FROM contract_installments i WHERE i.contract_id = c.id) AS schedule
         FROM contracts c WHERE c.external_id = $1`,
      [r.externalId],
    );
    if (existing[0]?.source_hash === hash) {
      this.contractIds.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const managerId = r.managerExternalId
      ? await this.staffId(r.managerExternalId, 'manager', line)
      : null;
    const assigneeIds: string[] = [];
    for (const a of r.assigneeExternalIds) {
      assigneeIds.push(await this.staffId(a, 'assignee', line));
    }
    const rows: Array<{ id: string; customer_id: string; inserted: boolean }> = await this.tx.query(
      `INSERT INTO contracts (external_id, number, date, customer_id, manager_id, kind, status,
                              closed, total, currency, planned_end_date, object, requisites,
                              archived_at, source_hash, taxes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15,
               $16::jsonb)
       ON CONFLICT (external_id) DO UPDATE SET
         number = EXCLUDED.number, date = EXCLUDED.date, customer_id = EXCLUDED.customer_id,
         manager_id = EXCLUDED.manager_id, kind = EXCLUDED.kind, status = EXCLUDED.status,
         closed = EXCLUDED.closed, total = EXCLUDED.total, currency = EXCLUDED.currency,
         planned_end_date = EXCLUDED.planned_end_date, object = EXCLUDED.object,
         requisites = EXCLUDED.requisites, taxes = EXCLUDED.taxes,
         archived_at = CASE WHEN $14::timestamptz IS NULL THEN NULL
                            ELSE COALESCE(contracts.archived_at, $14::timestamptz) END,
         source_hash = EXCLUDED.source_hash, updated_at = now(), changed_at = now()
       RETURNING id, customer_id, (xmax = 0) AS inserted`,
      [
        r.externalId,
        r.number,
        r.date,
        customerId,
        managerId,
        r.kind,
        r.status,
        r.closed,
        r.total,
        r.currency,
        r.plannedEndDate,
        JSON.stringify(r.object),
        JSON.stringify(r.requisites),
        r.deleted ? this.now : null,
        hash,
        JSON.stringify(r.taxes),
      ],
    );
    const { id, customer_id: customerOf, inserted } = rows[0];
    this.contractIds.set(r.externalId, id);
    if (inserted) this.newContracts.add(id);
    await this.notifyContract(id, customerOf, r, inserted ? null : existing[0]);
    if (!inserted) {
      await this.tx.query(
        `WITH a AS (DELETE FROM contract_items WHERE contract_id = $1),
              b AS (DELETE FROM contract_installments WHERE contract_id = $1),
              c AS (DELETE FROM contract_assignees WHERE contract_id = $1)
         DELETE FROM contract_stages WHERE contract_id = $1 AND NOT (external_id = ANY($2))`,
        [id, r.stages.map((s) => s.externalId)],
      );
    }
    await this.insertRows(
      'contract_items',
      [
        'contract_id',
        'line_no',
        'external_id',
        'name',
        'kind',
        'quantity',
        'unit',
        'price',
        'amount',
        'name_raw',
        'tax_name',
        'tax_rate',
        'tax_exempt',
        'tax_amount',
        'tax_included',
      ],
      r.items.map((i, n) => [
        id,
        n + 1,
        i.externalId,
        i.name,
        i.kind,
        i.quantity,
        i.unit,
        i.price,
        i.amount,
        i.nameRaw,
        i.tax?.name ?? null,
        i.tax?.rate ?? null,
        i.tax?.exempt ?? false,
        i.tax?.amount ?? null,
        i.tax?.included ?? null,
      ]),
    );
    await this.insertRows(
      'contract_installments',
      ['contract_id', 'line_no', 'due_date', 'amount', 'note'],
      r.schedule.map((s, n) => [id, n + 1, s.dueDate, s.amount, s.note]),
    );
    await this.insertRows(
      'contract_assignees',
      ['contract_id', 'staff_user_id'],
      [...new Set(assigneeIds)].map((staffId) => [id, staffId]),
    );
    await this.insertRows(
      'contract_stages',
      [
        'contract_id',
        'external_id',
        'line_no',
        'name',
        'description',
        'start_date',
        'end_date',
        'previous_external_id',
      ],
      r.stages.map((s, n) => [
        id,
        s.externalId,
        n + 1,
        s.name,
        s.description,
        s.startDate,
        s.endDate,
        s.previousExternalId,
      ]),
      `ON CONFLICT (contract_id, external_id) DO UPDATE SET line_no = EXCLUDED.line_no,
         name = EXCLUDED.name, description = EXCLUDED.description,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
         previous_external_id = EXCLUDED.previous_external_id`,
    );
    if (r.documents) await this.documents(id, r.documents);
    return inserted ? 'created' : 'updated';
  }

  /**
   * The contract's documents as a whole: upserted by their 1C id, the unlisted ones withdrawn.
   * Each file's bytes are stored once (by SHA-256) in this same transaction (`storeFile`).
   */
  private async documents(contractId: string, docs: DocumentRecord[]): Promise<void> {
    for (const d of docs) {
      const fileId = await storeFile(this.db, d.bytes);
      await this.tx.query(
        `INSERT INTO contract_documents (contract_id, external_id, kind, title, number, date,
                                         file_id, file_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (contract_id, external_id) DO UPDATE SET
           kind = EXCLUDED.kind, title = EXCLUDED.title, number = EXCLUDED.number,
           date = EXCLUDED.date, file_id = EXCLUDED.file_id, file_name = EXCLUDED.file_name,
           archived_at = NULL, updated_at = now()`,
        [contractId, d.externalId, d.kind, d.title, d.number, d.date, fileId, d.fileName],
      );
    }
    await this.tx.query(
      `UPDATE contract_documents SET archived_at = $3, updated_at = now()
        WHERE contract_id = $1 AND archived_at IS NULL AND NOT (external_id = ANY($2))`,
      [contractId, docs.map((d) => d.externalId), this.now],
    );
  }

  private async payment(r: PaymentRecord, line: number): Promise<Outcome> {
    this.seenPayments.add(r.externalId);
    const hash = hashOf(r);
    let contractId = this.contractIds.get(r.contractExternalId);
    if (!contractId) {
      const rows: Array<{ id: string }> = await this.tx.query(
        'SELECT id FROM contracts WHERE external_id = $1',
        [r.contractExternalId],
      );
      if (!rows[0]) {
        throw new ImportRecordError(
          `Payment ${r.number} refers to an unknown contract ${r.contractExternalId}`,
          line,
          'Документ',
        );
      }
      contractId = rows[0].id;
      this.contractIds.set(r.contractExternalId, contractId);
    }
    const existing: Array<{ source_hash: string | null; contract_id: string }> =
      await this.tx.query(
        'SELECT source_hash, contract_id FROM contract_payments WHERE external_id = $1',
        [r.externalId],
      );
    if (existing[0]?.source_hash === hash) return 'unchanged';
    const rows: Array<{ inserted: boolean }> = await this.tx.query(
      `INSERT INTO contract_payments (external_id, contract_id, number, date, amount, currency,
                                      method, archived_at, source_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (external_id) DO UPDATE SET
         contract_id = EXCLUDED.contract_id, number = EXCLUDED.number, date = EXCLUDED.date,
         amount = EXCLUDED.amount, currency = EXCLUDED.currency, method = EXCLUDED.method,
         archived_at = CASE WHEN $8::timestamptz IS NULL THEN NULL
                            ELSE COALESCE(contract_payments.archived_at, $8::timestamptz) END,
         source_hash = EXCLUDED.source_hash, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [
        r.externalId,
        contractId,
        r.number,
        r.date,
        r.amount,
        r.currency,
        r.method,
        r.deleted ? this.now : null,
        hash,
      ],
    );
    await this.refreshPaid(
      existing[0] && existing[0].contract_id !== contractId
        ? [contractId, existing[0].contract_id]
        : [contractId],
    );
    if (rows[0].inserted && !r.deleted && !this.newContracts.has(contractId)) {
      const contract: Array<{ customer_id: string; number: string }> = await this.tx.query(
        'SELECT customer_id, number FROM contracts WHERE id = $1 AND archived_at IS NULL',
        [contractId],
      );
      await createNotifications(
        this.db,
        contract.map((c) => ({
          customerId: c.customer_id,
          contractId,
          kind: 'payment_received' as const,
          params: { number: c.number, amount: r.amount, currency: r.currency, date: r.date },
        })),
      );
    }
    return rows[0].inserted ? 'created' : 'updated';
  }

  private async insertRows(
    table: string,
    columns: string[],
    rows: unknown[][],
    onConflict = '',
  ): Promise<void> {
    if (!rows.length) return;
    const params: unknown[] = [];
    const tuples = rows.map(
      (row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`,
    );
    await this.tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${onConflict}`,
      params,
    );
  }

  /**
   * A full export (`СодержитТолькоИзменения="false"`) lists everything 1C has: customers,
   * contracts and payments it did not mention are archived (kept, hidden), never deleted.
   */
  async finish(header: ExchangeHeader): Promise<void> {
    if (header.onlyChanges) return;
    const archive = async (table: string, ids: string[], key: CountKey) => {
      const result = await this.tx.query<{ n: number }>(
        `WITH a AS (UPDATE ${table} SET archived_at = $1, updated_at = now()
                     WHERE archived_at IS NULL AND NOT (external_id = ANY($2)) RETURNING 1)
         SELECT count(*)::int AS n FROM a`,
        [this.now, ids],
      );
      this.counts[key].archived += result[0]?.n ?? 0;
    };
    await archive('customers', [...this.customerIds.keys()], 'customers');
    await archive('contracts', [...this.contractIds.keys()], 'contracts');
    const archived = await this.tx.query<{ contract_id: string }>(
      `UPDATE contract_payments SET archived_at = $1, updated_at = now()
        WHERE archived_at IS NULL AND NOT (external_id = ANY($2)) RETURNING contract_id`,
      [this.now, [...this.seenPayments]],
    );
    this.counts.payments.archived += archived.length;
    await this.refreshPaid([...new Set(archived.map((a) => a.contract_id))]);
  }

  /** Recomputes what was paid on these contracts; they count as changed for their customers. */
  private async refreshPaid(contractIds: string[]): Promise<void> {
    if (!contractIds.length) return;
    await this.tx.query(
      `UPDATE contracts c SET changed_at = now(),
              paid = COALESCE((SELECT sum(p.amount) FROM contract_payments p
                                WHERE p.contract_id = c.id AND p.archived_at IS NULL), 0)
        WHERE c.id = ANY($1::uuid[])`,
      [contractIds],
    );
  }
}

function describe(item: ExchangeRecord): string {
  switch (item.type) {
    case 'staff':
      return `Staff member ${item.record.externalId}`;
    case 'customer':
      return `Customer ${item.record.externalId}`;
    case 'contract':
      return `Contract ${item.record.number} (${item.record.externalId})`;
    case 'payment':
      return `Payment ${item.record.number} (${item.record.externalId})`;
  }
}
