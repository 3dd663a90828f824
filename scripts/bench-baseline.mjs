#!/usr/bin/env node
// The baseline of `pnpm bench`: a plain node:http server with a `pg` pool (as many connections as
// the API's) running the same SQL statements as the API for the same rows and answering JSON —
// no framework, no session, no validation, no DTO mapping. bench.mjs starts it as its own
// process, like the API, and checks that both answer the same rows before measuring.
//   node scripts/bench-baseline.mjs <port>     (DATABASE_URL in the environment)
//
// The statements come from the built app (apps/api/dist/modules/contracts/contracts.sql.js), the
// builders ContractsRepository runs; only the access scope is written here (a customer's, or none),
// with the app's `sql` tag (apps/api/dist/database/sql.js).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const {
  contractListSql,
  contractPageSql,
} = require('../apps/api/dist/modules/contracts/contracts.sql.js');
const { sql } = require('../apps/api/dist/database/sql.js');

const { dateIn } = require('../apps/api/dist/common/clock.js');
/** The company's date, as the API takes it (its COMPANY_TIMEZONE default). */
const today = () => dateIn(new Date(), process.env.COMPANY_TIMEZONE ?? 'Europe/Moscow');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** The `pg` query of a statement built with the `sql` tag. */
const statement = (s) => ({ text: s.text, values: s.values });

/** A page of the list: a customer's contracts (`customer`) or, without it, all (an admin's). */
function listQuery(query) {
  const customer = query.get('customer');
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  return statement(
    contractListSql({
      viewer: customer,
      today: today(),
      filter: {
        scope: customer ? sql`c.customer_id = ${customer}` : sql`TRUE`,
        status: query.get('status') ?? undefined,
        managerId: query.get('managerId') ?? undefined,
        q: query.get('q') ?? undefined,
      },
      sort: 'date',
      order: 'DESC',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
}

/** The contract page as a customer reads it, in one statement. */
function pageQuery(id, customer) {
  return statement(
    contractPageSql({ id, viewer: customer, scope: sql`c.customer_id = ${customer}` }),
  );
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
