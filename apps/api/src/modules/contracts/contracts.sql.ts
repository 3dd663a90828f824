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
export const SUMMARY_FROM = `contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;

export const SORT_SQL = {
  date: 'c.date',
  number: 'c.number',
  total: 'c.total',
  balanceDue: '(c.total - c.paid)',
} as const;

export type ContractSortKey = keyof typeof SORT_SQL;

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
 * One page of contracts with the total: `$1` is the viewer (see `summaryColumns`), `filter` a
 * condition on `c` whose parameters are in `params`, which ends with the page size and offset.
 * The page comes first on contracts alone, then the summary's joins and the "changed" lookup
 * only for its rows. A search matches few rows, evaluated once into a materialized set giving
 * both page and total; without one, page and total read contracts_list_date_idx (newest first)
 * or the filters' indexes, not every wide row.
 */
export function contractListSql(o: {
  filter: string;
  sort: ContractSortKey;
  order: 'ASC' | 'DESC';
  searched: boolean;
  params: unknown[];
}): string {
  const n = o.params.length;
  const limit = `LIMIT $${n - 1} OFFSET $${n}`;
  const order = `${SORT_SQL[o.sort]} ${o.order}, c.number ${o.order}, c.id ${o.order}`;
  const pageAndTotal = o.searched
    ? `WITH filtered AS MATERIALIZED (
         SELECT c.id, c.date, c.number, c.total, c.paid FROM contracts c WHERE ${o.filter}
       ), page AS (SELECT c.id FROM filtered c ORDER BY ${order} ${limit})
       SELECT p.id, (SELECT count(*) FROM filtered) AS total_count FROM page p`
    : `SELECT c.id, (SELECT count(*) FROM contracts c WHERE ${o.filter}) AS total_count
         FROM contracts c WHERE ${o.filter} ORDER BY ${order} ${limit}`;
  return `SELECT ${summaryColumns('$1')}, p.total_count
            FROM (${pageAndTotal}) p JOIN contracts c ON c.id = p.id
            JOIN customers cu ON cu.id = c.customer_id
            LEFT JOIN staff_users m ON m.id = c.manager_id
           ORDER BY ${order}`;
}

/**
 * The contract page in one statement: `$1` the contract, `$2` the customer whose visit it
 * records (null: none), `scope` a condition on `c` with its parameters from `$3`.
 */
export function contractPageSql(scope: string): string {
  return `WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = $1 AND c.archived_at IS NULL AND ${scope}
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
         LEFT JOIN staff_users m ON m.id = c.manager_id`;
}
