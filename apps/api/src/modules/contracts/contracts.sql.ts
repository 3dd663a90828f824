import type { ContractStateFilter } from '@kabinet/shared';
import { likeEscape, phoneDigits } from '../../common/search';
import { empty, ident, join, raw, sql, type Sql } from '../../database/sql';

// The statements of the contract list and page, and the schedule's money, as `sql` fragments:
// pure builders (no Nest, no Db) that ContractsRepository runs. They stay in a file of their own,
// not inside the repository, because two more readers must build exactly the same SQL without
// the app around them: the bench's baseline (scripts/bench-baseline.mjs requires this file from
// the built app and runs the `{ text, values }` of what it builds on a bare `pg` pool), and the
// allocation test (test/allocation-sql.e2e-spec.ts), which holds the money SQL to
// `allocatePayments`. Values go in as parameters wherever they appear (a value used in several
// places is several parameters, each cast where PostgreSQL could not infer its type); aliases and
// columns picked from fixed lists in this file go in as `ident`/`raw`.

/**
 * `viewer` is the customer whose visits count (null for staff and for a staff member viewing as
 * the customer): only their own visits mark contracts as seen. A contract is "changed" when it
 * changed after the customer last opened it; one never opened, after the customer's first login
 * (the baseline: on the first visit nothing is new).
 */
export const summaryColumns = (
  viewer: string | null,
): Sql => sql`c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date,
  c.status, c.kind, c.closed, c.total, c.paid, (c.total - c.paid) AS balance_due, c.currency,
  c.customer_id, cu.full_name AS customer_name, m.full_name AS manager_name,
  (c.customer_id = ${viewer}::uuid AND c.changed_at > COALESCE(
     (SELECT v.seen_at FROM contract_views v WHERE v.customer_id = c.customer_id
         AND v.contract_id = c.id), cu.first_login_at, '-infinity')) IS TRUE AS changed`;

/** The columns of `contractMoneySql` joined as `money`, as of `today` (the company's date). */
const moneyJoinedColumns = (today: string): Sql => sql`money.due_now, money.overdue,
  to_char(money.overdue_since, 'YYYY-MM-DD') AS overdue_since,
  COALESCE(${today}::date - money.overdue_since, 0) AS days_overdue`;

export const SUMMARY_FROM = sql`contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;

// The schedule's money in SQL, the same as `allocatePayments` (payment-allocation.ts) computes
// for the schedule tab (allocation-sql.e2e-spec holds them to the same answers on random
// schedules). The payments P = max(paid, 0) cover the rows in due-date order; with S the running
// sum of the amounts in that order and M the largest S of the rows before a row:
// - a row keeps S − max(P, M) unpaid (at least 0);
// - the rows up to some row keep max(0, max S − P) unpaid in all: what is due now (rows due by
//   today) and overdue (rows due before today) are prefixes of the order;
// - the first row with S > P is the oldest not paid in full.

/**
 * The rows of contract `c`'s schedule (`c` an alias of contracts) with what is left to pay of
 * each (`outstanding`): the payment-notice job tells about them. No parameters.
 */
export const allocatedRowsSql = (c: string): Sql => {
  const k = ident(c);
  return sql`SELECT r.due_date, r.line_no,
         GREATEST(0, r.cum - GREATEST(${k}.paid, 0, r.prev_max)) AS outstanding
    FROM (SELECT s.due_date, s.line_no, s.cum,
                 max(s.cum) OVER (ORDER BY s.due_date, s.line_no
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max
            FROM (SELECT i.due_date, i.line_no,
                         sum(i.amount) OVER (ORDER BY i.due_date, i.line_no ROWS UNBOUNDED PRECEDING)
                           AS cum
                    FROM contract_installments i WHERE i.contract_id = ${k}.id) s) r`;
};

/**
 * The money columns, aggregated over running sums `s` (rows due by today) and payments `paid`
 * (an expression on the outer rows).
 */
const moneyColumns = (s: string, paid: Sql, today: string): Sql => {
  const r = ident(s);
  return sql`
         GREATEST(0, max(${r}.cum) - GREATEST(${paid}, 0))::numeric(16, 2) AS due_now,
         GREATEST(0, max(${r}.cum) FILTER (WHERE ${r}.due_date < ${today}::date)
                     - GREATEST(${paid}, 0))::numeric(16, 2) AS overdue,
         min(${r}.due_date) FILTER (WHERE ${r}.due_date < ${today}::date
                                      AND ${r}.cum > GREATEST(${paid}, 0)) AS overdue_since`;
};

/**
 * The money of contract `c` (an alias of contracts) as of `today` (the company's date), for a
 * LATERAL join (one row, also without a schedule): `due_now` (overdue or due today), `overdue`
 * (past its date) and `overdue_since` (the due date of the oldest row not paid in full, when
 * past; null otherwise).
 */
export const contractMoneySql = (c: string, today: string): Sql => {
  const k = ident(c);
  return sql`SELECT ${moneyColumns('s', sql`${k}.paid`, today)}
    FROM (SELECT i.due_date,
                 sum(i.amount) OVER (ORDER BY i.due_date, i.line_no ROWS UNBOUNDED PRECEDING) AS cum
            FROM contract_installments i
           WHERE i.contract_id = ${k}.id AND i.due_date <= ${today}::date) s`;
};

/**
 * The same for a set of contracts in one pass (a row per contract with a schedule row due by
 * today): `contracts` is a query giving their `id` and `paid`. For lists and sums over many
 * contracts, where a lookup per contract costs more than one sorted read of their schedules.
 */
export const contractsMoneySql = (contracts: Sql, today: string): Sql => sql`SELECT s.id,
         ${moneyColumns('s', sql`s.paid`, today)}
    FROM (SELECT k.id, k.paid, i.due_date,
                 sum(i.amount) OVER (PARTITION BY k.id ORDER BY i.due_date, i.line_no
                                     ROWS UNBOUNDED PRECEDING) AS cum
            FROM (${contracts}) k JOIN contract_installments i ON i.contract_id = k.id
           WHERE i.due_date <= ${today}::date) s
   GROUP BY s.id, s.paid`;

/** The contracts of `filter` (a condition on `c`) with money overdue, and since when. */
const overdueSetSql = (filter: Sql, today: string): Sql =>
  sql`SELECT m.id, m.overdue_since FROM (${contractsMoneySql(
    sql`SELECT c.id, c.paid FROM contracts c WHERE ${filter}`,
    today,
  )}) m WHERE m.overdue_since IS NOT NULL`;

/** A condition on `c`: among the contracts of `filter` (on `c` too), it has money overdue. */
export const overdueConditionSql = (filter: Sql, today: string): Sql =>
  sql`c.id IN (SELECT o.id FROM (${overdueSetSql(filter, today)}) o)`;

export type ContractSortKey = 'date' | 'number' | 'total' | 'balanceDue' | 'overdue';

/**
 * The list's orders as of `today`; `since` the column holding a contract's oldest overdue date
 * (`overdue` sorts by its days; 0 when none is).
 */
const sortSql = (sort: ContractSortKey, today: string, since: Sql): Sql => {
  switch (sort) {
    case 'date':
      return sql`c.date`;
    case 'number':
      return sql`c.number`;
    case 'total':
      return sql`c.total`;
    case 'balanceDue':
      return sql`(c.total - c.paid)`;
    case 'overdue':
      return sql`COALESCE(${today}::date - ${since}, 0)`;
  }
};

/**
 * A search condition: the contract number or the customer's name contains the text (trigram
 * indexes), or the customer's phone contains its digits.
 */
export function contractSearchSql(q: string): Sql {
  const text = q.trim().toLowerCase();
  const like = `%${likeEscape(text)}%`;
  const customer = [sql`lower(s.full_name) LIKE ${like}`];
  const phone = phoneDigits(text);
  if (phone) customer.push(sql`s.phone LIKE ${phone}`);
  // Each side on its own table, so each can use its trigram index (an OR across a join cannot).
  return sql`(c.id IN (SELECT n.id FROM contracts n WHERE lower(n.number) LIKE ${like})
           OR c.customer_id IN (SELECT s.id FROM customers s WHERE ${join(customer, ' OR ')}))`;
}

/** What the list shows: the caller's `scope` narrowed by the list's filters. */
export interface ContractFilter {
  /** The contracts the caller may read: a condition on `c` (AccessService.contractScope). */
  scope: Sql;
  state?: ContractStateFilter;
  status?: string;
  managerId?: string;
  customerId?: string;
  /** A search (see `contractSearchSql`). */
  q?: string;
  /** Only contracts with money overdue as of the list's `today`. */
  overdue?: boolean;
}

/** The list's condition on `c`: live contracts in the scope passing every filter. */
export function contractFilterSql(f: ContractFilter, today: string): Sql {
  const where: Sql[] = [sql`c.archived_at IS NULL`, f.scope];
  if (f.state === 'active') where.push(sql`NOT c.closed`);
  if (f.state === 'closed') where.push(sql`c.closed`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.managerId) where.push(sql`c.manager_id = ${f.managerId}`);
  if (f.customerId) where.push(sql`c.customer_id = ${f.customerId}`);
  if (f.q) where.push(contractSearchSql(f.q));
  // Last: it looks for overdue money among the contracts the other conditions select.
  if (f.overdue) where.push(overdueConditionSql(join(where, ' AND '), today));
  return join(where, ' AND ');
}

/** What one page of the contract list is: whose, as of when, filtered and sorted how. */
export interface ContractListOptions {
  viewer: string | null;
  today: string;
  filter: ContractFilter;
  sort: ContractSortKey;
  order: 'ASC' | 'DESC';
  limit: number;
  offset: number;
}

/**
 * One page of contracts with the total and each one's money due now and overdue: `viewer` as in
 * `summaryColumns`, `today` the company's date. The page comes first on contracts alone, then the
 * summary's joins and the "changed" lookup only for its rows. A search (or the overdue filter)
 * matches few rows at a cost: evaluated once into a materialized set giving both page and total;
 * without one, page and total read contracts_list_date_idx (newest first) or the filters'
 * indexes, not every wide row.
 */
export function contractListSql(o: ContractListOptions): Sql {
  const filter = contractFilterSql(o.filter, o.today);
  const searched = Boolean(o.filter.q) || Boolean(o.filter.overdue);
  const limit = sql`LIMIT ${o.limit} OFFSET ${o.offset}`;
  const dir = raw(o.order === 'ASC' ? 'ASC' : 'DESC');
  const order = (since: Sql) =>
    sql`${sortSql(o.sort, o.today, since)} ${dir}, c.number ${dir}, c.id ${dir}`;
  // By overdue: the filtered contracts' money in one pass, joined to them.
  const byOverdue = o.sort === 'overdue';
  const pageAndTotal = searched
    ? sql`WITH filtered AS MATERIALIZED (
         SELECT c.id, c.date, c.number, c.total, c.paid FROM contracts c WHERE ${filter}
       ), page AS (
         SELECT c.id FROM filtered c
         ${byOverdue ? sql`LEFT JOIN (${contractsMoneySql(sql`SELECT f.id, f.paid FROM filtered f`, o.today)}) od ON od.id = c.id` : empty}
          ORDER BY ${order(sql`od.overdue_since`)} ${limit})
       SELECT p.id, (SELECT count(*) FROM filtered) AS total_count FROM page p`
    : sql`SELECT c.id, (SELECT count(*) FROM contracts c WHERE ${filter}) AS total_count
         FROM contracts c
         ${byOverdue ? sql`LEFT JOIN (${overdueSetSql(filter, o.today)}) od ON od.id = c.id` : empty}
        WHERE ${filter} ORDER BY ${order(sql`od.overdue_since`)} ${limit}`;
  return sql`SELECT ${summaryColumns(o.viewer)}, ${moneyJoinedColumns(o.today)}, p.total_count
            FROM (${pageAndTotal}) p JOIN contracts c ON c.id = p.id
            JOIN customers cu ON cu.id = c.customer_id
            LEFT JOIN staff_users m ON m.id = c.manager_id
            CROSS JOIN LATERAL (${contractMoneySql('c', o.today)}) money
           ORDER BY ${order(sql`money.overdue_since`)}`;
}

/** How many contracts the list's filter selects (a page past the end answers no total). */
export const contractCountSql = (filter: ContractFilter, today: string): Sql =>
  sql`SELECT count(*) AS n FROM ${SUMMARY_FROM} WHERE ${contractFilterSql(filter, today)}`;

/**
 * The contract page in one statement, a pure read: contract `id` if it passes `scope` (a
 * condition on `c`), `viewer` the customer whose visits count for "changed" (null: none),
 * `reader` the customer whose notifications about it the page lists (a person the contract is
 * shared with does not read its owner's; null: everyone's, for staff). Opening the page is
 * recorded by a command of its own (ContractsRepository.markSeen).
 */
export function contractPageSql(o: {
  id: string;
  viewer: string | null;
  reader?: string | null;
  scope: Sql;
}): Sql {
  const notificationsOf = o.reader ? sql`AND n.customer_id = ${o.reader}::uuid` : empty;
  return sql`WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = ${o.id} AND c.archived_at IS NULL AND ${o.scope}
       )
       SELECT ${summaryColumns(o.viewer)},
              to_char(c.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
              m.phone AS manager_phone, m.email AS manager_email, c.object, c.requisites,
              (SELECT max(f.finished_at) FROM exchange_files f WHERE f.status = 'imported')
                AS data_as_of,
              (SELECT v.seen_at FROM contract_views v
                WHERE v.customer_id = c.customer_id AND v.contract_id = c.id) AS last_seen_at,
              c.taxes,
              COALESCE((SELECT json_agg(json_build_object('line_no', i.line_no, 'name', i.name,
                         'kind', i.kind, 'quantity', i.quantity::text, 'unit', i.unit,
                         'price', i.price::text, 'amount', i.amount::text,
                         'tax_name', i.tax_name, 'tax_rate', i.tax_rate::text,
                         'tax_exempt', i.tax_exempt, 'tax_amount', i.tax_amount::text,
                         'tax_included', i.tax_included) ORDER BY i.line_no)
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
                           FROM notifications n WHERE n.contract_id = c.id ${notificationsOf}
                          ORDER BY n.created_at DESC LIMIT 50) x), '[]') AS notifications,
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind,
                         'title', d.title, 'number', d.number,
                         'date', to_char(d.date, 'YYYY-MM-DD'), 'file_name', d.file_name,
                         'size', f.size, 'mime', f.mime) ORDER BY d.date DESC NULLS LAST, d.title)
                          FROM contract_documents d JOIN stored_files f ON f.id = d.file_id
                         WHERE d.contract_id = c.id AND d.archived_at IS NULL), '[]') AS documents
         FROM target t JOIN contracts c ON c.id = t.id
         JOIN customers cu ON cu.id = c.customer_id
         LEFT JOIN staff_users m ON m.id = c.manager_id`;
}
