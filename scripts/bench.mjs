#!/usr/bin/env node
// `pnpm bench`: throughput and latency of Kabinet's endpoints, each as a ratio to a baseline
// measured in the same run on the same machine: a plain node:http server running the same SQL
// through `pg`. Ratios, not absolute numbers, are what to compare between runs.
// The 1C import: a generated CommerceML file of BENCH_IMPORT_MB (default 50) imported by the CLI,
// with its peak RSS and contracts/s, against the parser alone reading the same file.
//   BENCH_SECONDS (default 10)  BENCH_CONNECTIONS (default 50)  BENCH_IMPORT_MB (default 50)
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, needsBuild, ROOT, run } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const IMPORT_MB = Number(process.env.BENCH_IMPORT_MB ?? 50);
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
  results.push(...(await benchImport()));
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

/** Runs a node script, sampling its peak resident memory (VmHWM) until it exits. */
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
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // exited
    }
  }, 20);
  const code = await new Promise((r) => child.once('exit', r));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${out}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, out };
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
  const row = {
    case: `import of a ${mb.toFixed(0)} MB CommerceML file (${contracts} contracts)`,
    baselineContractsPerSecond: Math.round(contracts / parse.seconds),
    kabinetContractsPerSecond: Math.round(contracts / imported.seconds),
    ratio: Number((parse.seconds / imported.seconds).toFixed(2)),
    baselinePeakRssMb: Math.round(parse.peakMb),
    kabinetPeakRssMb: Math.round(imported.peakMb),
    rssRatio: Number((imported.peakMb / parse.peakMb).toFixed(2)),
    peakRssUnder150Mb: imported.peakMb < 150,
  };
  console.log(
    `${row.case}\n  baseline (parser alone) ${row.baselineContractsPerSecond} contracts/s, peak RSS ${row.baselinePeakRssMb} MB` +
      `\n  kabinet import          ${row.kabinetContractsPerSecond} contracts/s, peak RSS ${row.kabinetPeakRssMb} MB` +
      `\n  ratio    ${row.ratio}× speed, ${row.rssRatio}× memory; peak RSS under 150 MB: ${row.peakRssUnder150Mb ? 'yes' : 'NO'}\n`,
  );
  return [row];
}
