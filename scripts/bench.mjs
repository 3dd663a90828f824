#!/usr/bin/env node
// `pnpm bench`: Kabinet's endpoints and its 1C import, each as a ratio to a baseline measured in
// the same run on the same machine. Ratios, not absolute numbers, are what to compare between
// runs and machines.
//
// Endpoints: the API (built, NODE_ENV=test, its own process) on generated data — 10k customers,
// 50k contracts, ~1M schedule and payment rows (scripts/bench-data.mjs) — loaded by autocannon
// with BENCH_CONNECTIONS connections for BENCH_SECONDS each. Customer cases use one session per
// connection (50 customers logged in by SMS code, each reading their own contracts); staff cases
// one admin session. The baseline (scripts/bench-baseline.mjs, its own process) is plain
// node:http + pg running the same SQL for the same rows; both are checked to answer the same
// rows before they are measured.
// The 1C import: a generated CommerceML file of BENCH_IMPORT_MB imported by the CLI, with the
// peak RSS of the CLI and of its import process, and contracts/s, against the parser alone.
//   BENCH_SECONDS (10)  BENCH_CONNECTIONS (50)  BENCH_CUSTOMERS (10000)  BENCH_CONTRACTS (50000)
// Chat: sockets, messages/s and chats, delivery latency and messages lost, on one and on two API
// processes, against a bare socket.io server (scripts/bench-chat.mjs, its knobs there).
//   BENCH_IMPORT_MB (50)  BENCH_ONLY (endpoints | import | chat; all when unset)
import { fork, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchChat } from './bench-chat.mjs';
import { generateBenchData } from './bench-data.mjs';
import { freePort, needsBuild, ROOT, run } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 50_000);
const IMPORT_MB = Number(process.env.BENCH_IMPORT_MB ?? 50);
const ONLY = process.env.BENCH_ONLY;
if (ONLY && ONLY !== 'endpoints' && ONLY !== 'import' && ONLY !== 'chat') {
  console.error('BENCH_ONLY is endpoints, import or chat');
  process.exit(2);
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
const results = [];
let app;
let baseline;
let pool;
try {
  if (!ONLY || ONLY === 'endpoints') results.push(...(await benchEndpoints()));
  if (!ONLY || ONLY === 'import') results.push(...(await benchImport()));
  if (!ONLY || ONLY === 'chat') results.push(...(await benchChat(db)));
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written to bench-results/bench.json');
} finally {
  await stop(baseline);
  await stop(app);
  await pool?.end();
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function waitFor(url) {
  for (let i = 0; ; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > 240) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * autocannon against `origin`; `request(i)` gives connection i its path and headers (each
 * connection keeps one: a customer per connection reads their own contracts).
 */
async function load(origin, request) {
  let n = 0;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    setupClient: (client) => {
      const { path, headers = {} } = request(n++);
      client.setRequests([{ method: 'GET', path, headers }]);
    },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function benchEndpoints() {
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const appPort = await freePort();
  app = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(appPort),
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      EXCHANGE_SOURCE: 'off',
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    },
  });
  const base = `http://127.0.0.1:${appPort}`;
  await waitFor(`${base}/api/health`); // migrated, demo data loaded

  console.log(
    `Generating ${CUSTOMERS} customers and ${CONTRACTS} contracts (SQL, generate_series) ...`,
  );
  const data = await generateBenchData(pool, { customers: CUSTOMERS, contracts: CONTRACTS });
  console.log(
    `  ${data.customers} customers, ${data.staff} staff, ${data.contracts} contracts, ${data.items} items, ` +
      `${data.installments} schedule rows, ${data.payments} payments, ${data.notifications} notifications ` +
      `in ${data.seconds.toFixed(1)} s\n`,
  );

  // Sessions, obtained the way people get them: customers by SMS code, the admin by password.
  const first = await fetch(`${base}/api/health`);
  const csrf = first.headers
    .getSetCookie()
    .find((c) => c.startsWith('kabinet_csrf='))
    ?.split(';')[0];
  const token = csrf.split('=')[1];
  const post = (path, body) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrf },
      body: JSON.stringify(body),
    });
  const sessionOf = (res) =>
    `${csrf}; ${
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('kabinet_session='))
        ?.split(';')[0]
    }`;
  // Customers with a few contracts each; each opens the newest one.
  const { rows: people } = await pool.query(
    `SELECT cu.id, cu.phone,
            (SELECT c.id FROM contracts c WHERE c.customer_id = cu.id AND c.archived_at IS NULL
              ORDER BY c.date DESC, c.number DESC LIMIT 1) AS contract_id
       FROM customers cu
      WHERE cu.external_id LIKE 'bench-c-%'
        AND (SELECT count(*) FROM contracts c WHERE c.customer_id = cu.id) BETWEEN 3 AND 8
      ORDER BY cu.external_id LIMIT $1`,
    [CONNECTIONS],
  );
  const customers = [];
  for (const person of people) {
    await post('/api/auth/otp/request', { phone: person.phone });
    let code;
    for (let i = 0; !code && i < 100; i++) {
      if (i) await new Promise((r) => setTimeout(r, 50));
      const outbox = await (await fetch(`${base}/api/dev/outbox`)).json();
      code = outbox.find((m) => m.phone === person.phone)?.text.match(/\d{6}/)?.[0];
    }
    const login = await post('/api/auth/otp/verify', { phone: person.phone, code });
    if (!login.ok) throw new Error(`customer login ${person.phone}: ${login.status}`);
    customers.push({ ...person, cookie: sessionOf(login) });
  }
  const adminLogin = await post('/api/auth/staff/login', {
    login: 'admin',
    password: 'kabinet-demo',
  });
  if (!adminLogin.ok) throw new Error(`admin login: ${adminLogin.status}`);
  const admin = sessionOf(adminLogin);
  const { rows: managers } = await pool.query(
    `SELECT m.id FROM staff_users m JOIN contracts c ON c.manager_id = m.id
      WHERE m.external_id LIKE 'bench-staff-%' GROUP BY m.id ORDER BY count(*) DESC LIMIT 1`,
  );

  const basePort = await freePort();
  baseline = fork(join(ROOT, 'scripts/bench-baseline.mjs'), [String(basePort)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: db.url },
  });
  await new Promise((resolve, reject) => {
    baseline.once('message', resolve);
    baseline.once('exit', () => reject(new Error('the baseline server did not start')));
  });
  const raw = `http://127.0.0.1:${basePort}`;

  const customer = (i) => customers[i % customers.length];
  const query = (params) => {
    const s = new URLSearchParams(params).toString();
    return s ? `?${s}` : '';
  };
  const staffCase = (name, params) => ({
    name: `GET /api/contracts${name} (admin)`,
    kabinet: () => ({ path: `/api/contracts${query(params)}`, headers: { cookie: admin } }),
    baseline: () => ({ path: `/contracts${query(params)}` }),
    same: sameList,
  });
  const cases = [
    {
      name: 'GET /api/health (SELECT 1)',
      kabinet: () => ({ path: '/api/health' }),
      baseline: () => ({ path: '/health' }),
      same: () => true,
    },
    {
      name: 'GET /api/contracts (customer: their list)',
      kabinet: (i) => ({ path: '/api/contracts', headers: { cookie: customer(i).cookie } }),
      baseline: (i) => ({ path: `/contracts?customer=${customer(i).id}` }),
      same: sameList,
    },
    {
      name: 'GET /api/contracts/:id (customer: contract page)',
      kabinet: (i) => ({
        path: `/api/contracts/${customer(i).contract_id}`,
        headers: { cookie: customer(i).cookie },
      }),
      baseline: (i) => ({
        path: `/contracts/${customer(i).contract_id}?customer=${customer(i).id}`,
      }),
      same: (k, b) =>
        k.id === b.id &&
        k.items.length === b.items.length &&
        k.schedule.rows.length === b.schedule.length &&
        k.payments.length === b.payments.length &&
        k.notifications.length === b.notifications.length,
    },
    staffCase('', {}),
    staffCase('?q=ГМ-0123 (number)', { q: 'ГМ-0123' }),
    staffCase('?q=Смирнова (surname)', { q: 'Смирнова' }),
    staffCase('?q=926 45 (phone digits)', { q: '926 45' }),
    staffCase('?status&managerId (filters)', { status: 'В работе', managerId: managers[0].id }),
  ];

  const rows = [
    {
      case: 'generated data',
      ...data,
      seconds: Number(data.seconds.toFixed(1)),
      scheduleAndPaymentRows: data.installments + data.payments,
    },
  ];
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per run\n`);
  for (const c of cases) {
    // Both answer the same rows (the first connection's request), or the comparison is void.
    const get = async (origin, r) => {
      const res = await fetch(`${origin}${r.path}`, { headers: r.headers ?? {} });
      if (!res.ok) throw new Error(`${c.name}: ${origin}${r.path} answered ${res.status}`);
      return res.json();
    };
    const kabinetPath = c.kabinet(0);
    if (!c.same(await get(base, kabinetPath), await get(raw, c.baseline(0)))) {
      throw new Error(`${c.name}: the API and the baseline answer different rows`);
    }
    await quiet();
    const b = await load(raw, c.baseline);
    await quiet();
    const k = await load(base, c.kabinet);
    const row = {
      case: c.name,
      baselineRps: Math.round(b.rps),
      kabinetRps: Math.round(k.rps),
      ratio: Number((k.rps / b.rps).toFixed(2)),
      baselineP50ms: b.p50,
      kabinetP50ms: k.p50,
      p50Ratio: Number((k.p50 / Math.max(b.p50, 1)).toFixed(2)),
      baselineP99ms: b.p99,
      kabinetP99ms: k.p99,
      p99Ratio: Number((k.p99 / Math.max(b.p99, 1)).toFixed(2)),
      errors: k.errors + b.errors,
    };
    rows.push(row);
    console.log(
      `${row.case}\n  baseline ${row.baselineRps} req/s (p50 ${b.p50} ms, p99 ${b.p99} ms)` +
        `\n  kabinet  ${row.kabinetRps} req/s (p50 ${k.p50} ms, p99 ${k.p99} ms)` +
        `\n  ratio    ${row.ratio}× throughput, ${row.p50Ratio}× p50, ${row.p99Ratio}× p99` +
        `${row.errors ? `  (${row.errors} errors!)` : ''}\n`,
    );
  }
  printTable(rows.slice(1));
  await stop(baseline);
  await stop(app);
  return rows;
}

/**
 * Waits until PostgreSQL runs no client query: when autocannon stops, the server it loaded may
 * still be working through queued requests, which must not slow down the next measurement.
 */
async function quiet() {
  for (let idle = 0, i = 0; idle < 3 && i < 600; i++) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    idle = rows[0].n === 0 ? idle + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The API's page and the baseline's rows are the same contracts, in the same order. */
function sameList(k, b) {
  return k.total === b.total && k.items.map((i) => i.id).join() === b.items.map((i) => i.id).join();
}

function printTable(rows) {
  const head = ['case', 'base req/s', 'p50', 'p99', 'kabinet req/s', 'p50', 'p99', 'ratio'];
  const body = rows.map((r) => [
    r.case,
    r.baselineRps,
    `${r.baselineP50ms} ms`,
    `${r.baselineP99ms} ms`,
    r.kabinetRps,
    `${r.kabinetP50ms} ms`,
    `${r.kabinetP99ms} ms`,
    `${r.ratio}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('ratio: kabinet req/s ÷ baseline req/s (1 = as fast as plain node:http + pg)\n');
}

/** Resident memory of a process: now and its peak (VmRSS, VmHWM), in kB; null once it exited. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (/State:\s+Z/.test(status)) return null;
    return {
      rssKb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0),
      peakKb: Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return null; // exited
  }
}

/** The processes `pid` started, and theirs (Linux: /proc/<pid>/task/<pid>/children). */
function descendantsOf(pid) {
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  } catch {
    // exited
  }
  return children.flatMap((c) => [Number(c), ...descendantsOf(c)]);
}

/**
 * Runs a node script, sampling the peak resident memory (VmHWM) of it and of every process it
 * starts (the import runs in a child process) until it exits; also the peak of their sum.
 */
async function measured(args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  let peakKb = 0;
  let childPeakKb = 0;
  let sumPeakKb = 0;
  const timer = setInterval(() => {
    const own = memoryOf(child.pid);
    let sum = own?.rssKb ?? 0;
    peakKb = Math.max(peakKb, own?.peakKb ?? 0);
    for (const pid of descendantsOf(child.pid)) {
      const m = memoryOf(pid);
      if (!m) continue;
      sum += m.rssKb;
      childPeakKb = Math.max(childPeakKb, m.peakKb);
    }
    sumPeakKb = Math.max(sumPeakKb, sum);
  }, 20);
  const code = await new Promise((r) => child.once('exit', r));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${out}`);
  return {
    seconds: (performance.now() - started) / 1000,
    peakMb: peakKb / 1024,
    childPeakMb: childPeakKb / 1024,
    sumPeakMb: sumPeakKb / 1024,
    out,
  };
}

async function benchImport() {
  const lib = await import(pathToFileURL(join(ROOT, 'libs/exchange-1c/dist/index.js')).href);
  const file = join(dir, 'bench-import.xml');
  // The file is written in parts (each with its own staff), spliced into one root element.
  const ROOT_CLOSE = '</КоммерческаяИнформация>';
  const out = createWriteStream(file);
  let bytes = 0;
  let contracts = 0;
  for (let part = 0; bytes < IMPORT_MB * 1024 * 1024; part++) {
    const content = lib.generateContent({
      customers: 500,
      firstCustomer: part * 500,
      seed: part + 1,
      idPrefix: `b${part}`,
    });
    contracts += content.contracts.length;
    const xml = lib
      .writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' })
      .toString('utf8');
    const open = xml.indexOf('>', xml.indexOf('<КоммерческаяИнформация')) + 1;
    const close = xml.lastIndexOf(ROOT_CLOSE);
    const chunk = part === 0 ? xml.slice(0, close) : xml.slice(open, close);
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  out.end(`${ROOT_CLOSE}\n`);
  await new Promise((r) => out.once('close', r));
  const mb = statSync(file).size / 1024 / 1024;

  const parseScript = join(dir, 'parse-only.cjs');
  writeFileSync(
    parseScript,
    `const { parseExchange } = require(${JSON.stringify(join(ROOT, 'libs/exchange-1c/dist/index.js'))});
     const { createReadStream } = require('node:fs');
     (async () => { let n = 0;
       for await (const e of parseExchange(createReadStream(process.argv[2])))
         if (e.kind === 'record' && e.record.type === 'contract') n++;
       console.log(n); })();`,
  );
  const parse = await measured([parseScript, file], process.env);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_import');
  await admin.end();
  const importUrl = new URL(db.url);
  importUrl.pathname = '/bench_import';
  const cliEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: importUrl.toString(),
    EXCHANGE_SOURCE: 'off',
    LOG_LEVEL: 'silent',
  };
  const cli = join(ROOT, 'apps/api/dist/bin/kabinet.js');
  await measured([cli, 'migrate'], cliEnv);
  const imported = await measured([cli, 'import', file], cliEnv);
  // The CLI (no Nest) hands the file to the slim import process (a child); both are measured.
  const importPeakMb = Math.max(imported.peakMb, imported.childPeakMb);
  const row = {
    case: `import of a ${mb.toFixed(0)} MB CommerceML file (${contracts} contracts)`,
    baselineContractsPerSecond: Math.round(contracts / parse.seconds),
    kabinetContractsPerSecond: Math.round(contracts / imported.seconds),
    ratio: Number((parse.seconds / imported.seconds).toFixed(2)),
    baselinePeakRssMb: Math.round(parse.peakMb),
    kabinetPeakRssMb: Math.round(importPeakMb),
    cliPeakRssMb: Math.round(imported.peakMb),
    importProcessPeakRssMb: Math.round(imported.childPeakMb),
    cliAndImportProcessPeakRssMb: Math.round(imported.sumPeakMb),
    rssRatio: Number((importPeakMb / parse.peakMb).toFixed(2)),
    importProcessUnder150Mb: importPeakMb < 150,
    cliAndImportProcessUnder150Mb: imported.sumPeakMb < 150,
  };
  console.log(
    `${row.case}\n  baseline (parser alone) ${row.baselineContractsPerSecond} contracts/s, peak RSS ${row.baselinePeakRssMb} MB` +
      `\n  kabinet import          ${row.kabinetContractsPerSecond} contracts/s, peak RSS: import process ${row.importProcessPeakRssMb} MB, CLI ${row.cliPeakRssMb} MB, both together ${row.cliAndImportProcessPeakRssMb} MB` +
      `\n  ratio    ${row.ratio}× speed, ${row.rssRatio}× memory; under 150 MB: import process ${row.importProcessUnder150Mb ? 'yes' : 'NO'}, with the CLI ${row.cliAndImportProcessUnder150Mb ? 'yes' : 'no'}\n`,
  );
  return [row];
}
