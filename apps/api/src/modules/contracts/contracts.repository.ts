import { Inject, Injectable } from '@nestjs/common';
import type { ItemKind } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, raw, sql, type Db, type Sql } from '../../database/sql';
import type { Requisite } from '../customers/customer.entity';
import type { NotificationRow } from '../notifications/notifications.dto';
import type { ContractTax } from './contract.entity';
import type { MoneyRow, StoredObject, SummaryRow } from './contracts.dto';
import {
  contractCountSql,
  contractListSql,
  type ContractListOptions,
  contractPageSql,
  contractsMoneySql,
  type ContractFilter,
} from './contracts.sql';

/** The statuses and managers among the contracts a caller may see. */
export interface ContractFilterOptionsRow {
  statuses: string[] | null;
  managers: Array<{ id: string; fullName: string }> | null;
}

/** An amount per currency (a JSON array element). */
export interface CurrencyAmountRow {
  currency: string;
  amount: string;
}

/** The caller's contracts counted and summed (`summary`). */
export interface ContractsSummaryRow {
  all: string;
  active: string;
  balance_due: CurrencyAmountRow[];
  due_now: CurrencyAmountRow[];
  overdue: CurrencyAmountRow[];
  overdue_since: string | null;
  days_overdue: number | null;
}

/** A row of the contract list (`list`): the summary, its money, and the filter's total. */
export type ContractListRow = SummaryRow & MoneyRow & { total_count: string };

/** The contract page (`contract`): the summary and everything the page shows, as JSON arrays. */
export interface ContractPageRow extends SummaryRow {
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

/**
 * Contracts as their readers see them: the list, its filters and sums, the contract page, and the
 * customer's visits. Every read takes the caller's scope (AccessService.contractScope on `c`) and
 * is one statement. The list and page statements are built in contracts.sql.ts (shared with the
 * bench's baseline and the allocation test); the rest is written here.
 */
@Injectable()
export class ContractsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** The statuses (most used first) and managers among the live contracts passing `scope`. */
  async filterOptions(scope: Sql): Promise<ContractFilterOptionsRow | undefined> {
    const rows = await this.db.query<ContractFilterOptionsRow>(
      sql`WITH visible AS (
           SELECT c.status, c.manager_id FROM contracts c
            WHERE c.archived_at IS NULL AND ${scope})
         SELECT
           (SELECT array_agg(status ORDER BY n DESC, status) FROM (
              SELECT status, count(*) AS n FROM visible GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id, 'fullName', m.full_name)
                            ORDER BY m.full_name)
              FROM staff_users m
             WHERE m.id IN (SELECT DISTINCT manager_id FROM visible)) AS managers`,
    );
    return rows[0];
  }

  /**
   * The live contracts passing `scope` counted, and on the active ones, per currency: the
   * balance due, what is due now and what of it is overdue as of `today`, with the oldest
   * overdue date. One statement.
   */
  async summary(scope: Sql, today: string): Promise<ContractsSummaryRow> {
    const perCurrency = (
      column: 'due' | 'due_now' | 'overdue',
      alias: 'balance_due' | 'due_now' | 'overdue',
    ) =>
      sql`COALESCE((SELECT json_agg(json_build_object('currency', currency, 'amount', amount::text)
                                  ORDER BY currency)
                   FROM (SELECT currency, sum(${raw(column)}) AS amount FROM visible
                          WHERE NOT closed GROUP BY currency
                         HAVING sum(${raw(column)}) <> 0) d), '[]') AS ${raw(alias)}`;
    const rows = await this.db.query<ContractsSummaryRow>(
      sql`WITH contracts_seen AS (
           SELECT c.id, c.closed, c.currency, c.paid, c.total - c.paid AS due FROM contracts c
            WHERE c.archived_at IS NULL AND ${scope}
         ), visible AS (
           SELECT v.closed, v.currency, v.due, COALESCE(m.due_now, 0) AS due_now,
                  COALESCE(m.overdue, 0) AS overdue, m.overdue_since
             FROM contracts_seen v
             LEFT JOIN (${contractsMoneySql(
               sql`SELECT a.id, a.paid FROM contracts_seen a WHERE NOT a.closed`,
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
    );
    return rows[0]!;
  }

  /** One page of the list, one statement (see `contractListSql`); `total_count` on every row. */
  list(o: ContractListOptions): Promise<ContractListRow[]> {
    return this.db.query<ContractListRow>(contractListSql(o));
  }

  /** How many contracts the list's `filter` selects as of `today`. */
  async count(filter: ContractFilter, today: string): Promise<number> {
    const rows = await this.db.query<{ n: string }>(contractCountSql(filter, today));
    return Number(rows[0]?.n ?? 0);
  }

  /** The contract page of live contract `id` passing `scope`, one statement; none when not. */
  async contract(o: {
    id: string;
    viewer: string | null;
    reader: string | null;
    scope: Sql;
  }): Promise<ContractPageRow | undefined> {
    const rows = await this.db.query<ContractPageRow>(contractPageSql(o));
    return rows[0];
  }

  /**
   * Customer `customerId` opened contract `id` (theirs or shared with them: `scope`, on `c`):
   * records their visit (what "changed" is measured from) and reads their notifications about
   * it, in one statement. False when they may not read it (or it is archived, or missing).
   */
  async markSeen(id: string, customerId: string, scope: Sql): Promise<boolean> {
    const rows = await this.db.query(
      sql`WITH target AS (
         SELECT c.id FROM contracts c WHERE c.id = ${id} AND c.archived_at IS NULL AND ${scope}
       ), visit AS (
         INSERT INTO contract_views (customer_id, contract_id, seen_at)
         SELECT ${customerId}::uuid, t.id, now() FROM target t
         ON CONFLICT (customer_id, contract_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
       ), mark_read AS (
         UPDATE notifications n SET read_at = now()
           FROM target t
          WHERE n.contract_id = t.id AND n.customer_id = ${customerId}::uuid AND n.read_at IS NULL
       )
       SELECT t.id FROM target t`,
    );
    return rows.length > 0;
  }
}
