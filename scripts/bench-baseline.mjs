#!/usr/bin/env node
// The baseline of `pnpm bench`: a plain node:http server with a `pg` pool (as many connections as
// the API's) running the same SQL statements as the API for the same rows and answering JSON —
// no framework, no session, no validation, no DTO mapping. bench.mjs starts it as its own
// process, like the API, and checks that both answer the same rows before measuring.
//   node scripts/bench-baseline.mjs <port>     (DATABASE_URL in the environment)
//
// The statements are copies of ContractsService.list and ContractsService.get
// (apps/api/src/modules/contracts/contracts.service.ts): keep them in step.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const summaryColumns = (viewer) => `c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date,
  c.status, c.kind, c.closed, c.total, c.paid, (c.total - c.paid) AS balance_due, c.currency,
  c.customer_id, cu.full_name AS customer_name, m.full_name AS manager_name,
  (c.customer_id = ${viewer}::uuid AND c.changed_at > COALESCE(
     (SELECT v.seen_at FROM contract_views v WHERE v.customer_id = c.customer_id
         AND v.contract_id = c.id), '-infinity')) IS TRUE AS changed`;
const SUMMARY_FROM = `contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;
const likeEscape = (s) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of the list: a customer's contracts (`customer`) or, without it, all (an admin's). */
function listQuery(query) {
  const customer = query.get('customer');
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const params = [customer];
  const where = ['c.archived_at IS NULL'];
  if (customer) {
    params.push(customer);
    where.push(`c.customer_id = $${params.length}`);
  } else {
    where.push('TRUE');
  }
  if (query.get('status')) {
    params.push(query.get('status'));
    where.push(`c.status = $${params.length}`);
  }
  if (query.get('managerId')) {
    params.push(query.get('managerId'));
    where.push(`c.manager_id = $${params.length}`);
  }
  const q = query.get('q');
  if (q) {
    const text = q.trim().toLowerCase();
    params.push(`%${likeEscape(text)}%`);
    const like = `$${params.length}`;
    const customerSide = [`lower(s.full_name) LIKE ${like}`];
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 3) {
      const national = /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits;
      params.push(`%${national}%`);
      customerSide.push(`s.phone LIKE $${params.length}`);
    }
    where.push(`(c.id IN (SELECT n.id FROM contracts n WHERE lower(n.number) LIKE ${like})
             OR c.customer_id IN (SELECT s.id FROM customers s WHERE ${customerSide.join(' OR ')}))`);
  }
  params.push(pageSize, (page - 1) * pageSize);
  const filter = where.join(' AND ');
  const order = 'c.date DESC, c.number DESC, c.id DESC';
  const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const pageAndTotal = q
    ? `WITH filtered AS MATERIALIZED (
         SELECT c.id, c.date, c.number, c.total, c.paid FROM contracts c WHERE ${filter}
       ), page AS (SELECT c.id FROM filtered c ORDER BY ${order} ${limit})
       SELECT p.id, (SELECT count(*) FROM filtered) AS total_count FROM page p`
    : `SELECT c.id, (SELECT count(*) FROM contracts c WHERE ${filter}) AS total_count
         FROM contracts c WHERE ${filter} ORDER BY ${order} ${limit}`;
  return {
    text: `SELECT ${summaryColumns('$1')}, p.total_count
             FROM (${pageAndTotal}) p JOIN ${SUMMARY_FROM.replace('contracts c', 'contracts c ON c.id = p.id')}
            ORDER BY ${order}`,
    values: params,
  };
}

/** The contract page as a customer reads it (and records the visit), in one statement. */
function pageQuery(id, customer) {
  return {
    text: `WITH target AS (
         SELECT c.id, c.customer_id FROM contracts c
          WHERE c.id = $1 AND c.archived_at IS NULL AND c.customer_id = $3
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
                          ORDER BY n.created_at DESC LIMIT 50) x), '[]') AS notifications
         FROM target t JOIN contracts c ON c.id = t.id
         JOIN customers cu ON cu.id = c.customer_id
         LEFT JOIN staff_users m ON m.id = c.manager_id`,
    values: [id, customer, customer],
  };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://baseline');
  const contract = /^\/contracts\/([0-9a-f-]{36})$/.exec(url.pathname);
  const work =
    url.pathname === '/health'
      ? pool.query('SELECT 1 AS ok').then((r) => send(res, 200, r.rows[0]))
      : url.pathname === '/contracts'
        ? pool
            .query(listQuery(url.searchParams))
            .then((r) =>
              send(res, 200, { items: r.rows, total: Number(r.rows[0]?.total_count ?? 0) }),
            )
        : contract
          ? pool
              .query(pageQuery(contract[1], url.searchParams.get('customer')))
              .then((r) => (r.rows[0] ? send(res, 200, r.rows[0]) : send(res, 404, {})))
          : Promise.resolve(send(res, 404, {}));
  work.catch((err) => send(res, 500, { error: err.message }));
});

server.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
