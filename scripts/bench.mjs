#!/usr/bin/env node
// `pnpm bench`: throughput and latency of Kabinet's endpoints, each as a ratio to a baseline
// measured in the same run on the same machine: a plain node:http server running the same SQL
// through `pg`. Ratios, not absolute numbers, are what to compare between runs.
//   BENCH_SECONDS (default 10)  BENCH_CONNECTIONS (default 50)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, needsBuild, ROOT, run } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function load(url, headers = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

if (needsBuild() && (await run('pnpm', ['build'])) !== 0) process.exit(1);
const dist = (p) => pathToFileURL(join(ROOT, 'apps/api/dist', p)).href;
const { startEmbeddedPostgres } = await import(dist('database/embedded.js'));

const dir = await mkdtemp(join(tmpdir(), 'kabinet-bench-'));
await chmod(dir, 0o755);
const db = await startEmbeddedPostgres({
  dir: join(dir, 'data'),
  port: await freePort(),
  database: 'bench',
});
const appPort = await freePort();
const app = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    DATABASE_URL: db.url,
    DEMO_DATA: 'true',
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  },
});
const pool = new pg.Pool({ connectionString: db.url, max: 10 });
let baseline;
try {
  const base = `http://127.0.0.1:${appPort}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 500));
  }

  // A customer session, obtained the way a person gets one.
  const phone = '+79123456789';
  const first = await fetch(`${base}/api/health`);
  const csrf = first.headers
    .getSetCookie()
    .find((c) => c.startsWith('kabinet_csrf='))
    ?.split(';')[0];
  const token = csrf.split('=')[1];
  const post = (path, body, cookie) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
      body: JSON.stringify(body),
    });
  await post('/api/auth/otp/request', { phone }, csrf);
  let code;
  for (let i = 0; !code && i < 100; i++) {
    if (i) await new Promise((r) => setTimeout(r, 50));
    const outbox = await (await fetch(`${base}/api/dev/outbox`)).json();
    code = outbox.find((m) => m.phone === phone)?.text.match(/\d{6}/)?.[0];
  }
  const login = await post('/api/auth/otp/verify', { phone, code }, csrf);
  const session = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('kabinet_session='))
    ?.split(';')[0];
  const customerId = (await login.json()).id;
  const cookie = `${csrf}; ${session}`;

  // The baseline: plain node:http + pg doing the same SQL.
  const contractsSql = `SELECT c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date, c.status, c.kind,
      c.closed, c.total, c.currency, cu.full_name AS customer_name, m.full_name AS manager_name,
      count(*) OVER () AS total_count
    FROM contracts c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN staff_users m ON m.id = c.manager_id
    WHERE c.archived_at IS NULL AND c.customer_id = $3 ORDER BY c.date DESC, c.number DESC LIMIT $1 OFFSET $2`;
  baseline = createServer(async (req, res) => {
    const rows =
      req.url === '/health'
        ? (await pool.query('SELECT 1')).rows
        : (await pool.query(contractsSql, [20, 0, customerId])).rows;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows));
  });
  const basePort = await freePort();
  await new Promise((r) => baseline.listen(basePort, '127.0.0.1', r));
  const raw = `http://127.0.0.1:${basePort}`;

  const cases = [
    {
      name: 'GET /api/health (SELECT 1)',
      kabinet: [`${base}/api/health`],
      baseline: [`${raw}/health`],
    },
    {
      name: 'GET /api/contracts (customer, session)',
      kabinet: [`${base}/api/contracts`, { cookie }],
      baseline: [`${raw}/contracts`],
    },
  ];
  const results = [];
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per run\n`);
  for (const c of cases) {
    const b = await load(...c.baseline);
    const k = await load(...c.kabinet);
    const row = {
      case: c.name,
      baselineRps: Math.round(b.rps),
      kabinetRps: Math.round(k.rps),
      ratio: Number((k.rps / b.rps).toFixed(2)),
      baselineP50ms: b.p50,
      kabinetP50ms: k.p50,
      baselineP99ms: b.p99,
      kabinetP99ms: k.p99,
      errors: k.errors + b.errors,
    };
    results.push(row);
    console.log(
      `${row.case}\n  baseline ${row.baselineRps} req/s (p50 ${b.p50} ms, p99 ${b.p99} ms)` +
        `\n  kabinet  ${row.kabinetRps} req/s (p50 ${k.p50} ms, p99 ${k.p99} ms)` +
        `\n  ratio    ${row.ratio}×${row.errors ? `  (${row.errors} errors!)` : ''}\n`,
    );
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written to bench-results/bench.json');
} finally {
  baseline?.close();
  await pool.end();
  app.kill('SIGTERM');
  await new Promise((r) => app.once('close', r));
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
