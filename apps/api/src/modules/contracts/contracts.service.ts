import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ItemKind } from '@kabinet/shared';
import { Clock, dateIn } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { fromMinor, sumMinor, toMinor } from '@kabinet/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import type { Requisite } from '../customers/customer.entity';
import {
  moneyOf,
  toMoney,
  toObject,
  toSummary,
  type ContractDto,
  type ContractFiltersDto,
  type ContractsSummaryDto,
  type MoneyAmountDto,
  type ContractPageDto,
  type ListContractsQueryDto,
  type MoneyRow,
  type StoredObject,
  type SummaryRow,
} from './contracts.dto';
import { toNotification, type NotificationRow } from '../notifications/notifications.dto';
import { isViewable } from '../files/sniff';
import { CompanyService } from '../company/company.service';
import { itemsPdfDisposition, renderItemsPdf, type PdfLanguage } from './items-pdf';
import type { ContractTax } from './contract.entity';
import { allocatePayments } from './payment-allocation';
import { plainRate, taxTotals } from './taxes';
import {
  contractListSql,
  contractPageSql,
  contractSeenSql,
  contractsMoneySql,
  contractSearchSql,
  overdueConditionSql,
  SUMMARY_FROM,
} from './contracts.sql';

/** The customer whose own visits count: not staff, not staff viewing as the customer. */
export function visitor(auth: AuthContext): string | null {
  return auth.kind === 'customer' && !auth.viewAs ? auth.userId : null;
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly company: CompanyService,
  ) {}

  /** What the list's status and manager filters can offer: only values the caller may see. */
  async filters(auth: AuthContext): Promise<ContractFiltersDto> {
    const scope = this.access.contractScopeText(auth, 'c', 1);
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

  /** The company's date now: what "today" is for due dates and days overdue. */
  private today(): string {
    return dateIn(this.clock.now(), this.config.timeZone);
  }

  /**
   * The caller's contracts counted, and on the active ones, per currency: the balance due, what
   * is due now and what of it is overdue (the schedule tab's allocation), with the oldest overdue
   * date. One statement.
   */
  async summary(auth: AuthContext): Promise<ContractsSummaryDto> {
    const scope = this.access.contractScopeText(auth, 'c', 1);
    const today = `$${scope.params.length + 1}`;
    const perCurrency = (column: string, alias: string) =>
      `COALESCE((SELECT json_agg(json_build_object('currency', currency, 'amount', amount::text)
                                  ORDER BY currency)
                   FROM (SELECT currency, sum(${column}) AS amount FROM visible
                          WHERE NOT closed GROUP BY currency
                         HAVING sum(${column}) <> 0) d), '[]') AS ${alias}`;
    const rows: Array<{
      all: string;
      active: string;
      balance_due: MoneyAmountDto[];
      due_now: MoneyAmountDto[];
      overdue: MoneyAmountDto[];
      overdue_since: string | null;
      days_overdue: number | null;
    }> = await this.db.query(
      `WITH contracts_seen AS (
           SELECT c.id, c.closed, c.currency, c.paid, c.total - c.paid AS due FROM contracts c
            WHERE c.archived_at IS NULL AND ${scope.sql}
         ), visible AS (
           SELECT v.closed, v.currency, v.due, COALESCE(m.due_now, 0) AS due_now,
                  COALESCE(m.overdue, 0) AS overdue, m.overdue_since
             FROM contracts_seen v
             LEFT JOIN (${contractsMoneySql(
               'SELECT a.id, a.paid FROM contracts_seen a WHERE NOT a.closed',
               today,
             )}) m ON m.id = v.id)
         SELECT (SELECT count(*) FROM visible) AS all,
                (SELECT count(*) FROM visible WHERE NOT closed) AS active,
                ${perCurrency('due', 'balance_due')},
                ${perCurrency('due_now', 'due_now')},
                ${perCurrency('overdue', 'overdue')},
                (SELECT to_char(min(overdue_since), 'YYYY-MM-DD') FROM visible WHERE NOT closed)
                  AS overdue_since,
                (SELECT ${today}::date - min(overdue_since) FROM visible WHERE NOT closed)
                  AS days_overdue`,
      [...scope.params, this.today()],
    );
    const r = rows[0]!;
    return {
      all: Number(r.all),
      active: Number(r.active),
      balanceDue: r.balance_due,
      dueNow: r.due_now,
      overdue: r.overdue,
      overdueSince: r.overdue_since,
      daysOverdue: r.days_overdue === null ? 0 : Number(r.days_overdue),
    };
  }

  /**
   * One page of the contracts the caller may see, filtered, searched and sorted; one SQL
   * statement (two only when asked for a page past the end).
   */
  async list(auth: AuthContext, query: ListContractsQueryDto): Promise<ContractPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // $1 the visitor, $2 the company's date.
    const params: unknown[] = [visitor(auth), this.today()];
    const where: string[] = ['c.archived_at IS NULL'];
    const scope = this.access.contractScopeText(auth, 'c', params.length + 1);
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
    if (query.q) where.push(contractSearchSql(query.q, params));
    // Last: it looks for overdue money among the contracts the other conditions select.
    if (query.overdue) where.push(overdueConditionSql(where.join(' AND '), '$2'));
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const sort = query.sort ?? 'date';
    const filter = where.join(' AND ');
    params.push(pageSize, (page - 1) * pageSize);
    const rows: Array<SummaryRow & MoneyRow & { total_count: string }> = await this.db.query(
      contractListSql({
        filter,
        today: '$2',
        sort,
        order: dir,
        // A search and the overdue filter select few rows at a cost: evaluated once.
        searched: Boolean(query.q) || Boolean(query.overdue),
        params,
      }),
      params,
    );
    let total = Number(rows[0]?.total_count ?? 0);
    if (!rows.length && page > 1) {
      const counted: Array<{ n: string }> = await this.db.query(
        // $1 (the visitor) and $2 (today) may be unused here but keep the parameter numbers.
        `SELECT count(*) AS n, $1::uuid AS visitor, $2::date AS today
           FROM ${SUMMARY_FROM} WHERE ${filter}`,
        params.slice(0, -2),
      );
      total = Number(counted[0]?.n ?? 0);
    }
    return { items: rows.map((r) => toSummary(r, toMoney(r))), total, page, pageSize };
  }

  /**
   * A contract with everything the customer sees: lines, object, schedule with payments
   * allocated, payments with the running balance, its notifications. One SQL statement, and a
   * pure read: opening the contract is recorded by `markSeen`.
   */
  async get(auth: AuthContext, id: string): Promise<ContractDto> {
    const viewer = visitor(auth);
    const scope = this.access.contractScopeText(auth, 'c', 3);
    const rows: Array<
      SummaryRow & {
        planned_end_date: string | null;
        manager_phone: string | null;
        manager_email: string | null;
        data_as_of: Date | null;
        object: StoredObject | null;
        requisites: Requisite[] | null;
        taxes: ContractTax[] | null;
        last_seen_at: Date | null;
        items: Array<{
          line_no: number;
          name: string;
          kind: ItemKind;
          quantity: string;
          unit: string;
          price: string;
          amount: string;
          tax_name: string | null;
          tax_rate: string | null;
          tax_exempt: boolean;
          tax_amount: string | null;
          tax_included: boolean | null;
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
    > = await this.db.query(contractPageSql(scope.sql), [id, viewer, ...scope.params]);
    const row = rows[0];
    if (!row) throw DomainError.notFound('Contract');
    const today = this.today();
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
    const items = row.items.map((i) => ({
      lineNo: i.line_no,
      name: i.name,
      kind: i.kind,
      quantity: i.quantity,
      unit: i.unit,
      price: i.price,
      amount: i.amount,
      tax:
        i.tax_name === null
          ? null
          : {
              name: i.tax_name,
              rate: plainRate(i.tax_rate),
              exempt: i.tax_exempt,
              amount: i.tax_amount,
              included: i.tax_included,
            },
    }));
    return {
      ...toSummary(row, moneyOf(allocation)),
      plannedEndDate: row.planned_end_date,
      dataAsOf: row.data_as_of ? new Date(row.data_as_of).toISOString() : null,
      lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
      manager: row.manager_name
        ? { fullName: row.manager_name, phone: row.manager_phone, email: row.manager_email }
        : null,
      object: toObject(row.object),
      requisites: row.requisites ?? [],
      items,
      itemsTotal: fromMinor(sumMinor(items.map((i) => i.amount))),
      taxes: taxTotals(items, row.taxes ?? []),
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
   * (one SQL statement, a read: a download marks nothing as seen or read).
   */
  async itemsPdf(
    auth: AuthContext,
    id: string,
    language: PdfLanguage,
  ): Promise<{ pdf: Buffer; disposition: string }> {
    const contract = await this.get(auth, id);
    const pdf = await renderItemsPdf(contract, {
      language,
      company: await this.company.documentHead(),
      timeZone: this.config.timeZone,
      createdAt: this.clock.now(),
    });
    return { pdf, disposition: itemsPdfDisposition(contract.number, language) };
  }

  /**
   * The customer opened their contract: it is no longer "changed" for them (until it changes
   * again) and its notifications are read. One statement. Only the customer's own visits count:
   * staff may not call it, nor a staff member viewing as the customer (the session guard refuses
   * every change then).
   */
  async markSeen(auth: AuthContext, id: string): Promise<void> {
    const customer = visitor(auth);
    if (!customer) throw new DomainError('forbidden', 'Only a customer’s own visits are recorded');
    const rows: unknown[] = await this.db.query(contractSeenSql, [id, customer]);
    if (!rows.length) throw DomainError.notFound('Contract');
  }
}
