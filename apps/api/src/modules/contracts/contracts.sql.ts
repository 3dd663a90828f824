import { likeEscape, phoneDigits } from '../../common/search';

// The SQL of the contract list and page, free of Nest: ContractsService runs it, and so does the
// bench's baseline (scripts/bench-baseline.mjs, from the built app) so both measure one statement.

/**
 * `$viewer` is the customer whose visits count (null for staff and for a staff member viewing as
 * the customer): only their own visits mark contracts as seen. A contract is "changed" when it
 * changed after the customer last opened it; one never opened, after the customer's first login
 * (the baseline: on the first visit nothing is new).
 */
export const summaryColumns = (
  viewer: string,
) => `c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date,
  c.status, c.kind, c.closed, c.total, c.paid, (c.total - c.paid) AS balance_due, c.currency,
  c.customer_id, cu.full_name AS customer_name, m.full_name AS manager_name,
  (c.customer_id = ${viewer}::uuid AND c.changed_at > COALESCE(
     (SELECT v.seen_at FROM contract_views v WHERE v.customer_id = c.customer_id
         AND v.contract_id = c.id), cu.first_login_at, '-infinity')) IS TRUE AS changed`;
/** The columns of `contractMoneySql` joined as `money`. */
const MONEY_COLUMNS = (today: string) => `money.due_now, money.overdue,
  to_char(money.overdue_since, 'YYYY-MM-DD') AS overdue_since,
  COALESCE(${today}::date - money.overdue_since, 0) AS days_overdue`;

export const SUMMARY_FROM = `contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;

// The schedule's money in SQL, the same as `allocatePayments` (schedule.ts) computes for the
// schedule tab (allocation-sql.e2e-spec holds them to the same answers on random schedules).
// The payments P = max(paid, 0) cover the rows in due-date order; with S the running sum of the
// amounts in that order and M the largest S of the rows before a row:
// - a row keeps S − max(P, M) unpaid (at least 0);
// - the rows up to some row keep max(0, max S − P) unpaid in all: what is due now (rows due by
//   today) and overdue (rows due before today) are prefixes of the order;
// - the first row with S > P is the oldest not paid in full.

/**
 * The rows of contract `c`'s schedule with what is left to pay of each (`outstanding`): the
 * payment-notice job tells about them.
 */
export const allocatedRowsSql = (c: string) => `SELECT r.due_date, r.line_no,
         GREATEST(0, r.cum - GREATEST(${c}.paid, 0, r.prev_max)) AS outstanding
    FROM (SELECT s.due_date, s.line_no, s.cum,
                 max(s.cum) OVER (ORDER BY s.due_date, s.line_no
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max
            FROM (SELECT i.due_date, i.line_no,
                         sum(i.amount) OVER (ORDER BY i.due_date, i.line_no ROWS UNBOUNDED PRECEDING)
                           AS cum
                    FROM contract_installments i WHERE i.contract_id = ${c}.id) s) r`;

/** The money columns, aggregated over running sums `s` (rows due by today) and payments `paid`. */
const moneyColumns = (s: string, paid: string, today: string) => `
         GREATEST(0, max(${s}.cum) - GREATEST(${paid}, 0))::numeric(16, 2) AS due_now,
         GREATEST(0, max(${s}.cum) FILTER (WHERE ${s}.due_date < ${today}::date)
                     - GREATEST(${paid}, 0))::numeric(16, 2) AS overdue,
         min(${s}.due_date) FILTER (WHERE ${s}.due_date < ${today}::date
                                      AND ${s}.cum > GREATEST(${paid}, 0)) AS overdue_since`;

/**
 * The money of contract `c` as of `today` (a `date` parameter: the company's date), for a
 * LATERAL join (one row, also without a schedule): `due_now` (overdue or due today), `overdue`
 * (past its date) and `overdue_since` (the due date of the oldest row not paid in full, when
 * past; null otherwise).
 */
export const contractMoneySql = (
  c: string,
  today: string,
) => `SELECT ${moneyColumns('s', `${c}.paid`, today)}
    FROM (SELECT i.due_date,
                 sum(i.amount) OVER (ORDER BY i.due_date, i.line_no ROWS UNBOUNDED PRECEDING) AS cum
            FROM contract_installments i
           WHERE i.contract_id = ${c}.id AND i.due_date <= ${today}::date) s`;

/**
 * The same for a set of contracts in one pass (a row per contract with a schedule row due by
 * today): `contracts` is a query giving their `id` and `paid`. For lists and sums over many
 * contracts, where a lookup per contract costs more than one sorted read of their schedules.
 */
export const contractsMoneySql = (contracts: string, today: string) => `SELECT s.id,
         ${moneyColumns('s', 's.paid', today)}
    FROM (SELECT k.id, k.paid, i.due_date,
                 sum(i.amount) OVER (PARTITION BY k.id ORDER BY i.due_date, i.line_no
                                     ROWS UNBOUNDED PRECEDING) AS cum
            FROM (${contracts}) k JOIN contract_installments i ON i.contract_id = k.id
           WHERE i.due_date <= ${today}::date) s
   GROUP BY s.id, s.paid`;

/** The contracts of `filter` (a condition on `c`) with money overdue, and since when. */
const overdueSetSql = (filter: string, today: string) =>
  `SELECT m.id, m.overdue_since FROM (${contractsMoneySql(
    `SELECT c.id, c.paid FROM contracts c WHERE ${filter}`,
    today,
  )}) m WHERE m.overdue_since IS NOT NULL`;

/** A condition on `c`: among the contracts of `filter` (on `c` too), it has money overdue. */
export const overdueConditionSql = (filter: string, today: string) =>
  `c.id IN (SELECT o.id FROM (${overdueSetSql(filter, today)}) o)`;

/**
 * The list's orders; `today` is the parameter holding the company's date, `since` the column
 * holding a contract's oldest overdue date (`overdue` sorts by its days; 0 when none is).
 */
const sortSql = (sort: ContractSortKey, today: string, since: string): string => {
  switch (sort) {
    case 'date':
      return 'c.date';
    case 'number':
      return 'c.number';
    case 'total':
      return 'c.total';
    case 'balanceDue':
      return '(c.total - c.paid)';
    case 'overdue':
      return `COALESCE(${today}::date - ${since}, 0)`;
  }
};

export type ContractSortKey = 'date' | 'number' | 'total' | 'balanceDue' | 'overdue';

/**
 * A search condition: the contract number or the customer's name contains the text (trigram
 * indexes), or the customer's phone contains its digits. Pushes its parameters onto `params`.
 */
export function contractSearchSql(q: string, params: unknown[]): string {
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
 * One page of contracts with the total and each one's money due now and overdue: `$1` is the
 * viewer (see `summaryColumns`), `today` the parameter holding the company's date, `filter` a
 * condition on `c` whose parameters are in `params`, which ends with the page size and offset.
 * The page comes first on contracts alone, then the summary's joins and the "changed" lookup
 * only for its rows. A search (or the overdue filter) matches few rows, evaluated once into a
 * materialized set giving both page and total; without one, page and total read contracts_list_date_idx (newest first)
 * or the filters' indexes, not every wide row.
 */
export function contractListSql(o: {
  filter: string;
  today: string;
  sort: ContractSortKey;
  order: 'ASC' | 'DESC';
  /** The filter is selective but costly (a search, the overdue filter): evaluate it once. */
  searched: boolean;
  params: unknown[];
}): string {
  const n = o.params.length;
  const limit = `LIMIT $${n - 1} OFFSET $${n}`;
  const order = (since: string) =>
    `${sortSql(o.sort, o.today, since)} ${o.order}, c.number ${o.order}, c.id ${o.order}`;
  // By overdue: the filtered contracts' money in one pass, joined to them.
  const byOverdue = o.sort === 'overdue';
  const pageAndTotal = o.searched
    ? `WITH filtered AS MATERIALIZED (
         SELECT c.id, c.date, c.number, c.total, c.paid FROM contracts c WHERE ${o.filter}
       ), page AS (
         SELECT c.id FROM filtered c
         ${byOverdue ? `LEFT JOIN (${contractsMoneySql('SELECT f.id, f.paid FROM filtered f', o.today)}) od ON od.id = c.id` : ''}
          ORDER BY ${order('od.overdue_since')} ${limit})
       SELECT p.id, (SELECT count(*) FROM filtered) AS total_count FROM page p`
    : `SELECT c.id, (SELECT count(*) FROM contracts c WHERE ${o.filter}) AS total_count
         FROM contracts c
         ${byOverdue ? `LEFT JOIN (${overdueSetSql(o.filter, o.today)}) od ON od.id = c.id` : ''}
        WHERE ${o.filter} ORDER BY ${order('od.overdue_since')} ${limit}`;
  return `SELECT ${summaryColumns('$1')}, ${MONEY_COLUMNS(o.today)}, p.total_count
            FROM (${pageAndTotal}) p JOIN contracts c ON c.id = p.id
            JOIN customers cu ON cu.id = c.customer_id
            LEFT JOIN staff_users m ON m.id = c.manager_id
            CROSS JOIN LATERAL (${contractMoneySql('c', o.today)}) money
           ORDER BY ${order('money.overdue_since')}`;
}

/**
 * The contract page in one statement, a pure read: `$1` the contract, `$2` the customer whose
 * visits count for "changed" (null: none), `scope` a condition on `c` with its parameters from
 * `$3`. Opening the page is recorded by `contractSeenSql`, a command of its own.
 */
export function contractPageSql(scope: string): string {
  return `WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = $1 AND c.archived_at IS NULL AND ${scope}
       )
       SELECT ${summaryColumns('$2')},
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
         LEFT JOIN staff_users m ON m.id = c.manager_id`;
}

/**
 * The customer `$2` opened their contract `$1`: records the visit (what "changed" is measured
 * from) and reads the contract's notifications, in one statement. Answers the contract's id, or
 * no row when it is not theirs (or archived, or missing).
 */
export const contractSeenSql = `WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = $1 AND c.customer_id = $2::uuid AND c.archived_at IS NULL
       ), visit AS (
         INSERT INTO contract_views (customer_id, contract_id, seen_at)
         SELECT t.customer_id, t.id, now() FROM target t
         ON CONFLICT (customer_id, contract_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
       ), mark_read AS (
         UPDATE notifications n SET read_at = now()
           FROM target t
          WHERE n.contract_id = t.id AND n.customer_id = t.customer_id AND n.read_at IS NULL
       )
       SELECT t.id FROM target t`;
