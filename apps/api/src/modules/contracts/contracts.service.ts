import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContractKind, ItemKind, NotificationKind } from '@kabinet/shared';
import { Clock, dateIn } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { fromMinor, toMinor } from '../../common/money';
import { likeEscape, phoneDigits } from '../../common/search';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import type { Requisite } from '../customers/customer.entity';
import type {
  ContractDto,
  ContractFiltersDto,
  ContractsSummaryDto,
  MoneyAmountDto,
  ContractObjectDto,
  ContractPageDto,
  ContractSummaryDto,
  ListContractsQueryDto,
  NotificationDto,
} from './contracts.dto';
import { isViewable } from '../files/sniff';
import { itemsPdfDisposition, renderItemsPdf, type PdfLanguage } from './items-pdf';
import { allocatePayments } from './schedule';

interface SummaryRow {
  id: string;
  number: string;
  date: string;
  status: string;
  kind: ContractKind;
  closed: boolean;
  total: string;
  paid: string;
  balance_due: string;
  currency: string;
  customer_id: string;
  customer_name: string;
  manager_name: string | null;
  changed: boolean;
}

/**
 * `$viewer` is the customer whose visits count (null for staff and for a staff member viewing as
 * the customer): only their own visits mark contracts as seen.
 */
const summaryColumns = (viewer: string) => `c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date,
  c.status, c.kind, c.closed, c.total, c.paid, (c.total - c.paid) AS balance_due, c.currency,
  c.customer_id, cu.full_name AS customer_name, m.full_name AS manager_name,
  (c.customer_id = ${viewer}::uuid AND c.changed_at > COALESCE(
     (SELECT v.seen_at FROM contract_views v WHERE v.customer_id = c.customer_id
         AND v.contract_id = c.id), '-infinity')) IS TRUE AS changed`;
const SUMMARY_FROM = `contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;

const SORT_SQL = {
  date: 'c.date',
  number: 'c.number',
  total: 'c.total',
  balanceDue: '(c.total - c.paid)',
} as const;

function toSummary(r: SummaryRow): ContractSummaryDto {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    status: r.status,
    kind: r.kind,
    closed: r.closed,
    total: r.total,
    paid: r.paid,
    balanceDue: r.balance_due,
    currency: r.currency,
    customerId: r.customer_id,
    customerName: r.customer_name,
    managerName: r.manager_name,
    changed: r.changed,
  };
}

/** The customer whose own visits count: not staff, not staff viewing as the customer. */
export function visitor(auth: AuthContext): string | null {
  return auth.kind === 'customer' && !auth.viewAs ? auth.userId : null;
}

interface StoredObject {
  deceased?: Array<{ fullName: string; birthDate: string | null; deathDate: string | null }>;
  monument?: {
    material: string | null;
    size: string | null;
    cemetery: string | null;
    plot: string | null;
    inscription: string | null;
    extra?: Requisite[];
  };
  renovation?: {
    address: string | null;
    area: string | null;
    rooms: number | null;
    extra?: Requisite[];
  };
}

function toObject(o: StoredObject | null): ContractObjectDto {
  return {
    deceased: (o?.deceased ?? []).map((d) => ({
      fullName: d.fullName,
      birthDate: d.birthDate ?? null,
      deathDate: d.deathDate ?? null,
    })),
    monument: o?.monument
      ? {
          material: o.monument.material ?? null,
          size: o.monument.size ?? null,
          cemetery: o.monument.cemetery ?? null,
          plot: o.monument.plot ?? null,
          inscription: o.monument.inscription ?? null,
          extra: o.monument.extra ?? [],
        }
      : null,
    renovation: o?.renovation
      ? {
          address: o.renovation.address ?? null,
          area: o.renovation.area ?? null,
          rooms: o.renovation.rooms ?? null,
          extra: o.renovation.extra ?? [],
        }
      : null,
  };
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | null>;
  contract_id: string | null;
  contract_number: string | null;
  created_at: string;
  read: boolean;
}

export function toNotification(n: NotificationRow): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params,
    contractId: n.contract_id,
    contractNumber: n.contract_number,
    createdAt: new Date(n.created_at).toISOString(),
    read: n.read,
  };
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the list's status and manager filters can offer: only values the caller may see. */
  async filters(auth: AuthContext): Promise<ContractFiltersDto> {
    const scope = this.access.contractScope(auth, 'c', 1);
    const rows: Array<{
      statuses: string[] | null;
      managers: ContractFiltersDto['managers'] | null;
    }> = await this.db.query(
      `WITH visible AS (
           SELECT c.status, c.manager_id FROM contracts c
            WHERE c.archived_at IS NULL AND ${scope.sql})
         SELECT
           (SELECT array_agg(status ORDER BY n DESC, status) FROM (
              SELECT status, count(*) AS n FROM visible GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id, 'fullName', m.full_name)
                            ORDER BY m.full_name)
              FROM staff_users m
             WHERE m.id IN (SELECT DISTINCT manager_id FROM visible)) AS managers`,
      scope.params,
    );
    return { statuses: rows[0]?.statuses ?? [], managers: rows[0]?.managers ?? [] };
  }

  /** The caller's contracts counted, and the balance due of the active ones summed per currency. */
  async summary(auth: AuthContext): Promise<ContractsSummaryDto> {
    const scope = this.access.contractScope(auth, 'c', 1);
    const rows: Array<{ all: string; active: string; balance_due: MoneyAmountDto[] }> =
      await this.db.query(
        `WITH visible AS (
             SELECT c.closed, c.currency, c.total - c.paid AS due FROM contracts c
              WHERE c.archived_at IS NULL AND ${scope.sql})
           SELECT (SELECT count(*) FROM visible) AS all,
                  (SELECT count(*) FROM visible WHERE NOT closed) AS active,
                  COALESCE((SELECT json_agg(json_build_object('currency', currency,
                                                              'amount', amount::text)
                                            ORDER BY currency)
                              FROM (SELECT currency, sum(due) AS amount FROM visible
                                     WHERE NOT closed GROUP BY currency
                                    HAVING sum(due) <> 0) d), '[]') AS balance_due`,
        scope.params,
      );
    const r = rows[0]!;
    return { all: Number(r.all), active: Number(r.active), balanceDue: r.balance_due };
  }

  /**
   * One page of the contracts the caller may see, filtered, searched and sorted; one SQL
   * statement (two only when asked for a page past the end).
   */
  async list(auth: AuthContext, query: ListContractsQueryDto): Promise<ContractPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [visitor(auth)];
    const where: string[] = ['c.archived_at IS NULL'];
    const scope = this.access.contractScope(auth, 'c', params.length + 1);
    params.push(...scope.params);
    where.push(scope.sql);
    if (query.state === 'active') where.push('NOT c.closed');
    if (query.state === 'closed') where.push('c.closed');
    if (query.status) {
      params.push(query.status);
      where.push(`c.status = $${params.length}`);
    }
    if (query.managerId) {
      params.push(query.managerId);
      where.push(`c.manager_id = $${params.length}`);
    }
    if (query.customerId) {
      params.push(query.customerId);
      where.push(`c.customer_id = $${params.length}`);
    }
    if (query.q) where.push(this.search(query.q, params));
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const sort = SORT_SQL[query.sort ?? 'date'];
    const filter = where.join(' AND ');
    params.push(pageSize, (page - 1) * pageSize);
    const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
    const order = `${sort} ${dir}, c.number ${dir}, c.id ${dir}`;
    // The page first on contracts alone, then the summary's joins and the "changed" lookup only
    // for its rows; one statement either way. A search matches few rows, evaluated once into a
    // materialized set that gives both the page and the total. Without one, page and total read
    // contracts_list_date_idx (newest first) or the filters' indexes, not every wide row.
    const pageAndTotal = query.q
      ? `WITH filtered AS MATERIALIZED (
           SELECT c.id, c.date, c.number, c.total, c.paid FROM contracts c WHERE ${filter}
         ), page AS (SELECT c.id FROM filtered c ORDER BY ${order} ${limit})
         SELECT p.id, (SELECT count(*) FROM filtered) AS total_count FROM page p`
      : `SELECT c.id, (SELECT count(*) FROM contracts c WHERE ${filter}) AS total_count
           FROM contracts c WHERE ${filter} ORDER BY ${order} ${limit}`;
    const rows: Array<SummaryRow & { total_count: string }> = await this.db.query(
      `SELECT ${summaryColumns('$1')}, p.total_count
         FROM (${pageAndTotal}) p JOIN contracts c ON c.id = p.id
         JOIN customers cu ON cu.id = c.customer_id LEFT JOIN staff_users m ON m.id = c.manager_id
        ORDER BY ${order}`,
      params,
    );
    let total = Number(rows[0]?.total_count ?? 0);
    if (!rows.length && page > 1) {
      const counted: Array<{ n: string }> = await this.db.query(
        // $1 (the visitor) is not needed here but keeps the parameter numbers.
        `SELECT count(*) AS n, $1::uuid AS visitor FROM ${SUMMARY_FROM} WHERE ${filter}`,
        params.slice(0, -2),
      );
      total = Number(counted[0]?.n ?? 0);
    }
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  /**
   * A search condition: the contract number or the customer's name contains the text (trigram
   * indexes), or the customer's phone contains its digits.
   */
  private search(q: string, params: unknown[]): string {
    const text = q.trim().toLowerCase();
    params.push(`%${likeEscape(text)}%`);
    const like = `$${params.length}`;
    const customer = [`lower(s.full_name) LIKE ${like}`];
    const phone = phoneDigits(text);
    if (phone) {
      params.push(phone);
      customer.push(`s.phone LIKE $${params.length}`);
    }
    // Each side on its own table, so each can use its trigram index (an OR across a join cannot).
    return `(c.id IN (SELECT n.id FROM contracts n WHERE lower(n.number) LIKE ${like})
             OR c.customer_id IN (SELECT s.id FROM customers s WHERE ${customer.join(' OR ')}))`;
  }

  /**
   * A contract with everything the customer sees: lines, object, schedule with payments
   * allocated, payments with the running balance, its notifications. One SQL statement, which
   * also records the customer's visit (staff and "view as customer" leave no trace there) unless
   * `recordVisit` is false.
   */
  async get(
    auth: AuthContext,
    id: string,
    { recordVisit = true }: { recordVisit?: boolean } = {},
  ): Promise<ContractDto> {
    const viewer = recordVisit ? visitor(auth) : null;
    const scope = this.access.contractScope(auth, 'c', 3);
    const rows: Array<
      SummaryRow & {
        planned_end_date: string | null;
        manager_phone: string | null;
        manager_email: string | null;
        data_as_of: Date | null;
        object: StoredObject | null;
        requisites: Requisite[] | null;
        last_seen_at: Date | null;
        items: Array<{
          line_no: number;
          name: string;
          kind: ItemKind;
          quantity: string;
          unit: string;
          price: string;
          amount: string;
        }>;
        schedule: Array<{ line_no: number; due_date: string; amount: string; note: string | null }>;
        payments: Array<{
          number: string;
          date: string;
          amount: string;
          currency: string;
          method: string | null;
        }>;
        notifications: NotificationRow[];
        documents: Array<{
          id: string;
          kind: string;
          title: string;
          number: string | null;
          date: string | null;
          file_name: string;
          size: number;
          mime: string;
        }>;
      }
    > = await this.db.query(
      `WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = $1 AND c.archived_at IS NULL AND ${scope.sql}
       ), visit AS (
         INSERT INTO contract_views (customer_id, contract_id, seen_at)
         SELECT t.customer_id, t.id, now() FROM target t WHERE t.customer_id = $2::uuid
         ON CONFLICT (customer_id, contract_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
       ), mark_read AS (
         UPDATE notifications n SET read_at = now()
           FROM target t
          WHERE n.contract_id = t.id AND n.customer_id = $2::uuid AND n.read_at IS NULL
       )
       SELECT ${summaryColumns('$2')},
              to_char(c.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
              m.phone AS manager_phone, m.email AS manager_email, c.object, c.requisites,
              (SELECT max(f.finished_at) FROM exchange_files f WHERE f.status = 'imported')
                AS data_as_of,
              (SELECT v.seen_at FROM contract_views v
                WHERE v.customer_id = c.customer_id AND v.contract_id = c.id) AS last_seen_at,
              COALESCE((SELECT json_agg(json_build_object('line_no', i.line_no, 'name', i.name,
                         'kind', i.kind, 'quantity', i.quantity::text, 'unit', i.unit,
                         'price', i.price::text, 'amount', i.amount::text) ORDER BY i.line_no)
                          FROM contract_items i WHERE i.contract_id = c.id), '[]') AS items,
              COALESCE((SELECT json_agg(json_build_object('line_no', s.line_no,
                         'due_date', to_char(s.due_date, 'YYYY-MM-DD'),
                         'amount', s.amount::text, 'note', s.note) ORDER BY s.due_date, s.line_no)
                          FROM contract_installments s WHERE s.contract_id = c.id), '[]')
                AS schedule,
              COALESCE((SELECT json_agg(json_build_object('number', p.number,
                         'date', to_char(p.date, 'YYYY-MM-DD'), 'amount', p.amount::text,
                         'currency', p.currency, 'method', p.method) ORDER BY p.date, p.number)
                          FROM contract_payments p
                         WHERE p.contract_id = c.id AND p.archived_at IS NULL), '[]') AS payments,
              COALESCE((SELECT json_agg(x ORDER BY x.created_at DESC) FROM (
                         SELECT n.id, n.kind, n.params, n.contract_id, c.number AS contract_number,
                                n.created_at, n.read_at IS NOT NULL AS read
                           FROM notifications n WHERE n.contract_id = c.id
                          ORDER BY n.created_at DESC LIMIT 50) x), '[]') AS notifications,
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind,
                         'title', d.title, 'number', d.number,
                         'date', to_char(d.date, 'YYYY-MM-DD'), 'file_name', d.file_name,
                         'size', f.size, 'mime', f.mime) ORDER BY d.date DESC NULLS LAST, d.title)
                          FROM contract_documents d JOIN stored_files f ON f.id = d.file_id
                         WHERE d.contract_id = c.id AND d.archived_at IS NULL), '[]') AS documents
         FROM target t JOIN contracts c ON c.id = t.id
         JOIN customers cu ON cu.id = c.customer_id
         LEFT JOIN staff_users m ON m.id = c.manager_id`,
      [id, viewer, ...scope.params],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Contract');
    const today = dateIn(this.clock.now(), this.config.timeZone);
    const allocation = allocatePayments(
      row.schedule.map((s) => ({
        lineNo: s.line_no,
        dueDate: s.due_date,
        amount: s.amount,
        note: s.note,
      })),
      row.payments,
      today,
    );
    let balance = toMinor(row.total);
    return {
      ...toSummary(row),
      plannedEndDate: row.planned_end_date,
      dataAsOf: row.data_as_of ? new Date(row.data_as_of).toISOString() : null,
      lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
      manager: row.manager_name
        ? { fullName: row.manager_name, phone: row.manager_phone, email: row.manager_email }
        : null,
      object: toObject(row.object),
      requisites: row.requisites ?? [],
      items: row.items.map((i) => ({
        lineNo: i.line_no,
        name: i.name,
        kind: i.kind,
        quantity: i.quantity,
        unit: i.unit,
        price: i.price,
        amount: i.amount,
      })),
      schedule: {
        rows: allocation.rows,
        dueNow: allocation.dueNow,
        next: allocation.next
          ? { dueDate: allocation.next.dueDate, outstanding: allocation.next.outstanding }
          : null,
        overpaid: allocation.overpaid,
      },
      payments: row.payments.map((p) => {
        balance -= toMinor(p.amount);
        return { ...p, balanceAfter: fromMinor(balance) };
      }),
      notifications: row.notifications.map(toNotification),
      documents: row.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        number: d.number,
        date: d.date,
        fileName: d.file_name,
        size: d.size,
        mime: d.mime,
        viewable: isViewable(d.mime),
      })),
    };
  }

  /**
   * The contract's goods and services as a PDF: the same access check and statement as `get`
   * (one SQL statement). A download is not a visit: it marks nothing as seen or read.
   */
  async itemsPdf(
    auth: AuthContext,
    id: string,
    language: PdfLanguage,
  ): Promise<{ pdf: Buffer; disposition: string }> {
    const contract = await this.get(auth, id, { recordVisit: false });
    const pdf = await renderItemsPdf(contract, {
      language,
      timeZone: this.config.timeZone,
      createdAt: this.clock.now(),
    });
    return { pdf, disposition: itemsPdfDisposition(contract.number, language) };
  }
}
