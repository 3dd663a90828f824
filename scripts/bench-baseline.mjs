#!/usr/bin/env node
// The baseline of `pnpm bench`: a plain node:http server with a `pg` pool (as many connections as
// the API's) running the same SQL statements as the API for the same rows and answering JSON —
// no framework, no session, no validation, no DTO mapping. bench.mjs starts it as its own
// process, like the API, and checks that both answer the same rows before measuring.
//   node scripts/bench-baseline.mjs <port>     (DATABASE_URL in the environment)
//
// The statements come from the built app (apps/api/dist/modules/contracts/contracts.sql.js), the
// ones ContractsService runs; only the access scope is written here (a customer's, or none).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

const { contractListSql, contractPageSql, contractSearchSql } = createRequire(import.meta.url)(
  '../apps/api/dist/modules/contracts/contracts.sql.js',
);

const { dateIn } = createRequire(import.meta.url)('../apps/api/dist/common/clock.js');
/** The company's date, as the API takes it (its COMPANY_TIMEZONE default). */
const today = () => dateIn(new Date(), process.env.COMPANY_TIMEZONE ?? 'Europe/Moscow');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** A page of the list: a customer's contracts (`customer`) or, without it, all (an admin's). */
function listQuery(query) {
  const customer = query.get('customer');
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const params = [customer, today()];
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
  if (q) where.push(contractSearchSql(q, params));
  params.push(pageSize, (page - 1) * pageSize);
  const filter = where.join(' AND ');
  const text = contractListSql({
    filter,
    today: '$2',
    sort: 'date',
    order: 'DESC',
    searched: Boolean(q),
    params,
  });
  return { text, values: params };
}

/** The contract page as a customer reads it, in one statement. */
function pageQuery(id, customer) {
  return { text: contractPageSql('c.customer_id = $3'), values: [id, customer, customer] };
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
