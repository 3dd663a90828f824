// The chat case of `pnpm bench` (BENCH_ONLY=chat): BENCH_CHAT_SOCKETS sockets connected, one
// chat:send every 1/BENCH_CHAT_RATE s on a steady schedule, round robin over BENCH_CHAT_CHATS
// chats, for BENCH_CHAT_SECONDS; the delivery latency (send → `chat:message` at another socket
// of the chat) p50/p99/max, the send → ack latency, and the messages lost (acked, yet some socket
// of the chat never got them within BENCH_CHAT_GRACE_MS after the last send).
//
// Who: each chat has one sender, the contract's customer logged in by SMS code (one socket, one
// chat per customer), and the other sockets are listeners spread round robin over the chats:
// admin sockets (chat.readAll; no participant, so no unread events of their own). With two
// instances the senders connect to the first API process and the listeners to the second, so
// every message crosses the socket.io PostgreSQL adapter.
//
// The baseline, in the same run with the same sockets, schedule and client code: a bare socket.io
// server (the API's socket.io, same version) that stores nothing and emits each message to the
// chat's room at once; for two instances, two of them over the same PostgreSQL adapter.
//
// Modes: imported by bench.mjs (`benchChat`); `node bench-chat.mjs echo <port> [databaseUrl]` is
// the baseline server (a child process; with a database URL it uses the PostgreSQL adapter).
//   BENCH_CHAT_SOCKETS (1000)  BENCH_CHAT_RATE (200)  BENCH_CHAT_CHATS (500)
//   BENCH_CHAT_SECONDS (30)  BENCH_CHAT_WARMUP_SECONDS (3)  BENCH_CHAT_GRACE_MS (5000)
//   BENCH_CHAT_CUSTOMERS (1000)  BENCH_CHAT_CONTRACTS (3000)  BENCH_CHAT_INSTANCES (1,2)
import { fork, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, ROOT } from './lib.mjs';

// The API's own socket.io, client, adapter and pg: the baseline runs the very same versions.
const apiRequire = createRequire(join(ROOT, 'apps/api/package.json'));
const SOCKET_PATH = '/api/socket.io';

const SOCKETS = Number(process.env.BENCH_CHAT_SOCKETS ?? 1000);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 200);
const CHATS = Number(process.env.BENCH_CHAT_CHATS ?? 500);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_CHAT_WARMUP_SECONDS ?? 3);
const GRACE_MS = Number(process.env.BENCH_CHAT_GRACE_MS ?? 5000);
const CUSTOMERS = Number(process.env.BENCH_CHAT_CUSTOMERS ?? 1000);
const CONTRACTS = Number(process.env.BENCH_CHAT_CONTRACTS ?? 3000);
const INSTANCES = (process.env.BENCH_CHAT_INSTANCES ?? '1,2').split(',').map(Number);
const GOAL_P99_MS = { 1: 100, 2: 150 };

if (process.argv[2] === 'echo') {
  await echoServer(Number(process.argv[3]), process.argv[4]);
}

/**
 * The baseline: on `chat:join` the socket joins the room; on `chat:send` the message goes to the
 * room (every socket in it, the sender's too, like the API) and the ack answers it.
 */
async function echoServer(port, databaseUrl) {
  const { Server } = apiRequire('socket.io');
  const io = new Server({ path: SOCKET_PATH, transports: ['websocket'], serveClient: false });
  if (databaseUrl) {
    const { createAdapter } = apiRequire('@socket.io/postgres-adapter');
    const pg = apiRequire('pg');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    io.adapter(
      createAdapter(pool, { channelPrefix: 'bench-echo', tableName: 'socket_io_attachments' }),
    );
  }
  let seq = 0;
  io.on('connection', (socket) => {
    socket.on('chat:join', (input, ack) => {
      void socket.join(`chat:${input.chatId}`);
      ack({ ok: true, data: { chatId: input.chatId } });
    });
    socket.on('chat:send', (input, ack) => {
      const message = {
        id: String(++seq),
        chatId: input.chatId,
        clientId: input.clientId,
        kind: 'text',
        author: null,
        body: input.body,
        system: null,
        createdAt: new Date().toISOString(),
        attachments: [],
        replacesMessageId: null,
        approval: null,
      };
      io.to(`chat:${input.chatId}`).emit('chat:message', message);
      ack({ ok: true, data: message });
    });
  });
  io.listen(port);
  process.send?.('ready');
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
    if (i > 600) throw new Error(`${url} did not answer`);
    await sleep(500);
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v) => (v === null ? null : Number(v.toFixed(1)));

/** Runs `work` over `items` with at most `n` at a time. */
async function pooled(items, n, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * Connects the sockets (`plan`: one entry per socket with its origin, cookie, chat and role),
 * joins each to its chat, sends on the schedule, waits for the stragglers and measures.
 */
async function measure(label, plan, origin, startProbe = null) {
  const { io } = apiRequire('socket.io-client');
  const sockets = [];
  const expected = new Map(); // clientId → { sentAt, listeners: Set of socket indexes left, chat }
  const latencies = [];
  const ackLatencies = [];
  const stages = [];
  let ackFailures = 0;
  let unexpected = 0;
  try {
    await pooled(plan, 25, async (p, i) => {
      const socket = io(p.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        extraHeaders: { origin, ...(p.cookie ? { cookie: p.cookie } : {}) },
        reconnection: false,
        forceNew: true,
        timeout: 60_000,
      });
      sockets[i] = socket;
      await new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const ack = await socket.timeout(60_000).emitWithAck('chat:join', { chatId: p.chatId });
      if (!ack.ok) throw new Error(`${label}: chat:join ${JSON.stringify(ack.error)}`);
      if (p.role === 'listener') {
        socket.on('chat:message', (m) => {
          const at = performance.now();
          const e = m.clientId && expected.get(m.clientId);
          if (!e) {
            unexpected += 1;
            return;
          }
          if (!e.left.delete(i)) return; // a duplicate
          if (e.measured) latencies.push(at - e.sentAt);
          if (e.measured && e.firstAt === undefined) e.firstAt = at;
          if (e.left.size === 0) expected.delete(m.clientId);
        });
      }
    });
    const listenersOf = new Map();
    plan.forEach((p, i) => {
      if (p.role !== 'listener') return;
      listenersOf.set(p.chatId, [...(listenersOf.get(p.chatId) ?? []), i]);
    });
    const senders = plan.map((p, i) => ({ ...p, i })).filter((p) => p.role === 'sender');

    const interval = 1000 / RATE;
    const total = Math.round(RATE * (WARMUP_SECONDS + SECONDS));
    const warmup = Math.round(RATE * WARMUP_SECONDS);
    let sent = 0;
    let acked = 0;
    let maxLag = 0;
    const acks = [];
    const started = performance.now();
    let stopProbe = null;
    for (let n = 0; n < total; n++) {
      if (n === warmup && startProbe) stopProbe = startProbe();
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      maxLag = n >= warmup ? Math.max(maxLag, performance.now() - due) : maxLag;
      const sender = senders[n % senders.length];
      const clientId = randomUUID();
      const sentAt = performance.now();
      const e = {
        sentAt,
        sentWall: Date.now(),
        measured: n >= warmup,
        left: new Set(listenersOf.get(sender.chatId) ?? []),
      };
      expected.set(clientId, e);
      sent += 1;
      acks.push(
        sockets[sender.i]
          .timeout(GRACE_MS + 30_000)
          .emitWithAck('chat:send', {
            chatId: sender.chatId,
            clientId,
            body: `bench ${n} at ${Date.now()}`,
          })
          .then(
            (ack) => {
              if (!ack.ok) {
                ackFailures += 1;
                expected.delete(clientId);
                return;
              }
              acked += 1;
              if (!e.measured) return;
              const at = performance.now();
              ackLatencies.push(at - sentAt);
              // Stages: before the insert's transaction began (the message's created_at), the
              // rest until the ack, the ack until the first listener had it (once both came).
              const before = Date.parse(ack.data.createdAt) - e.sentWall;
              stages.push({ e, before, store: at - sentAt - before, ackAt: at });
            },
            () => {
              ackFailures += 1;
              expected.delete(clientId);
            },
          ),
      );
    }
    const sendSeconds = (performance.now() - started) / 1000;
    const load = stopProbe?.() ?? null;
    await Promise.all(acks);
    const deadline = performance.now() + GRACE_MS;
    while (expected.size && performance.now() < deadline) await sleep(50);
    // Acked (failed ones were dropped) and still missing at some listener: lost.
    const lost = expected.size;
    let missing = 0;
    for (const e of expected.values()) missing += e.left.size;
    latencies.sort((a, b) => a - b);
    ackLatencies.sort((a, b) => a - b);
    const stage = (pick) => {
      const values = stages
        .map(pick)
        .filter((v) => Number.isFinite(v))
        .sort((a, b) => a - b);
      return { p50: ms(percentile(values, 50)), p99: ms(percentile(values, 99)) };
    };
    return {
      sent,
      acked,
      ackFailures,
      lost,
      missing,
      unexpected,
      receipts: latencies.length,
      sendSeconds: Number(sendSeconds.toFixed(1)),
      scheduleMaxLagMs: ms(maxLag),
      p50: ms(percentile(latencies, 50)),
      p99: ms(percentile(latencies, 99)),
      max: ms(latencies.at(-1) ?? null),
      ackP50: ms(percentile(ackLatencies, 50)),
      ackP99: ms(percentile(ackLatencies, 99)),
      load,
      stages: {
        beforeTransaction: stage((x) => x.before),
        transactionToAck: stage((x) => x.store),
        ackToFirstReceipt: stage((x) => (x.e.firstAt ?? NaN) - x.ackAt),
      },
    };
  } finally {
    for (const s of sockets) s?.disconnect();
    await sleep(500);
  }
}

/** CPU time (user + system) a process used so far, in ms (Linux: /proc/<pid>/stat). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100
  } catch {
    return 0;
  }
}

/**
 * Where the time goes while Kabinet is loaded: the API processes' CPU (% of one core) and what
 * the database's sessions of the API are doing, sampled every 100 ms — running a statement,
 * waiting for a lock (the event append lock is `Lock/advisory`), for the disk, or idle in a
 * transaction (waiting for the API's process to send the next statement).
 */
function probe(pool, database, pids) {
  const startedAt = performance.now();
  const cpuStart = pids.map(cpuMs);
  const counts = new Map();
  let samples = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await pool.query(
        `SELECT application_name AS app, state,
                coalesce(wait_event_type || '/' || wait_event, 'CPU') ||
                  CASE WHEN state = 'idle in transaction'
                       THEN ' after: ' || regexp_replace(left(query, 60), '\\s+', ' ', 'g')
                       ELSE '' END AS wait,
                count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle'
          GROUP BY 1, 2, 3`,
        [database],
      );
      samples += 1;
      for (const r of rows) {
        const key = `${r.app} ${r.state} ${r.wait}`;
        counts.set(key, (counts.get(key) ?? 0) + r.n);
      }
    } finally {
      busy = false;
    }
  }, 100);
  return () => {
    clearInterval(timer);
    const seconds = (performance.now() - startedAt) / 1000;
    return {
      apiCpuPercent: pids.map((pid, i) => Math.round((cpuMs(pid) - cpuStart[i]) / seconds / 10)),
      // Average number of the API's database sessions in each state over the run.
      database: Object.fromEntries(
        [...counts.entries()]
          .map(([k, n]) => [k, Number((n / Math.max(samples, 1)).toFixed(2))])
          .filter(([, n]) => n >= 0.05)
          .sort((a, b) => b[1] - a[1]),
      ),
    };
  };
}

function printTable(rows) {
  const head = [
    'case',
    'base p50',
    'p99',
    'kabinet p50',
    'p99',
    'max',
    'p99 ratio',
    'acked',
    'ack failed',
    'lost',
    'goal',
  ];
  const body = rows.map((r) => [
    r.case,
    `${r.baselineP50ms} ms`,
    `${r.baselineP99ms} ms`,
    `${r.kabinetP50ms} ms`,
    `${r.kabinetP99ms} ms`,
    `${r.kabinetMaxMs} ms`,
    r.p99Ratio === null ? '—' : `${r.p99Ratio}×`,
    `${r.kabinetAcked}/${r.kabinetSent}`,
    r.kabinetAckFailures,
    r.kabinetLost,
    `p99 ≤ ${r.goalP99Ms} ms, 0 lost: ${r.goalMet ? 'met' : 'NOT met'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('delivery: chat:send emitted → chat:message at another socket of the chat\n');
}

/**
 * The chat case: its own database on the embedded PostgreSQL `db` (`db.url` names another
 * database of the same server), the built API as one, then two processes.
 */
export async function benchChat(db) {
  if (SOCKETS < 2 * CHATS)
    throw new Error('BENCH_CHAT_SOCKETS must be at least 2 × BENCH_CHAT_CHATS');
  const pg = apiRequire('pg');
  const { generateBenchData } = await import('./bench-data.mjs');
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_chat');
  await admin.end();
  const url = new URL(db.url);
  url.pathname = '/bench_chat';
  const databaseUrl = url.toString();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  const portA = await freePort();
  const portB = await freePort();
  const publicUrl = `http://127.0.0.1:${portA}`;
  const secret = randomBytes(32).toString('hex');
  const children = new Set();
  const startApi = async (port, demo) => {
    const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        APP_SECRET: secret,
        DATABASE_URL: databaseUrl,
        DEMO_DATA: demo ? 'true' : 'false',
        EXCHANGE_SOURCE: 'off',
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: 'silent',
      },
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    return child;
  };
  const startEcho = async (port, adapterUrl) => {
    const child = fork(fileURLToPath(import.meta.url), ['echo', String(port), adapterUrl ?? ''], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', () => reject(new Error('the echo server did not start')));
    });
    return child;
  };

  try {
    // Migrated with the demo data (the admin), then the generated customers and contracts; a
    // restart gives every contract its chat (the chats consumer does it at start).
    let a = await startApi(portA, true);
    console.log(`Chat: generating ${CUSTOMERS} customers and ${CONTRACTS} contracts ...`);
    const data = await generateBenchData(pool, { customers: CUSTOMERS, contracts: CONTRACTS });
    await stop(a);
    a = await startApi(portA, false);
    const base = `http://127.0.0.1:${portA}`;

    // One chat per customer (their newest contract's): CHATS customers, each logged in by code.
    const { rows: chats } = await pool.query(
      `SELECT DISTINCT ON (cu.id) cu.id AS customer_id, cu.phone, ch.id AS chat_id
         FROM customers cu
         JOIN contracts c ON c.customer_id = cu.id AND c.archived_at IS NULL
         JOIN chats ch ON ch.contract_id = c.id AND ch.kind = 'contract'
        WHERE cu.external_id LIKE 'bench-c-%'
        ORDER BY cu.id, c.date DESC, c.number DESC
        LIMIT $1`,
      [CHATS],
    );
    if (chats.length < CHATS) throw new Error(`only ${chats.length} customers with a chat`);
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
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('kabinet_session='))
        ?.split(';')[0];
    const loginStarted = performance.now();
    await pooled(chats, 4, async (chat) => {
      const request = await post('/api/auth/otp/request', { phone: chat.phone });
      if (!request.ok) throw new Error(`code for ${chat.phone}: ${request.status}`);
      let code;
      for (let i = 0; !code && i < 100; i++) {
        if (i) await sleep(50);
        const outbox = await (await fetch(`${base}/api/dev/outbox`)).json();
        code = outbox.find((m) => m.phone === chat.phone)?.text.match(/\d{6}/)?.[0];
      }
      const login = await post('/api/auth/otp/verify', { phone: chat.phone, code });
      if (!login.ok) throw new Error(`customer login ${chat.phone}: ${login.status}`);
      chat.cookie = sessionOf(login);
    });
    const adminLogin = await post('/api/auth/staff/login', {
      login: 'admin',
      password: 'kabinet-demo',
    });
    if (!adminLogin.ok) throw new Error(`admin login: ${adminLogin.status}`);
    const adminCookie = sessionOf(adminLogin);
    console.log(
      `  ${data.customers} customers, ${data.contracts} contracts; ${chats.length} customers logged ` +
        `in by code in ${((performance.now() - loginStarted) / 1000).toFixed(1)} s\n`,
    );

    // The sockets: a sender per chat, the listeners round robin over the chats.
    const plan = (senderUrl, listenerUrl, withCookies) => [
      ...chats.map((c) => ({
        role: 'sender',
        chatId: c.chat_id,
        url: senderUrl,
        cookie: withCookies ? c.cookie : null,
      })),
      ...Array.from({ length: SOCKETS - chats.length }, (_, i) => ({
        role: 'listener',
        chatId: chats[i % chats.length].chat_id,
        url: listenerUrl,
        cookie: withCookies ? adminCookie : null,
      })),
    ];
    const describe = (r) =>
      `p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; ack p50 ${r.ackP50} ms, p99 ${r.ackP99} ms; ` +
      `${r.sent} sent, ${r.acked} acked, ${r.ackFailures} ack failures, ${r.lost} lost; ` +
      `schedule lag ≤ ${r.scheduleMaxLagMs} ms\n    stages p50/p99: before the transaction ` +
      `${r.stages.beforeTransaction.p50}/${r.stages.beforeTransaction.p99} ms, transaction → ack ` +
      `${r.stages.transactionToAck.p50}/${r.stages.transactionToAck.p99} ms, ack → first receipt ` +
      `${r.stages.ackToFirstReceipt.p50}/${r.stages.ackToFirstReceipt.p99} ms`;
    console.log(
      `${SOCKETS} sockets (${chats.length} senders, ${SOCKETS - chats.length} listeners) over ` +
        `${chats.length} chats, ${RATE} messages/s for ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up)\n`,
    );

    const rows = [];
    for (const instances of INSTANCES) {
      const echoA = await freePort();
      const echoB = await freePort();
      const echo = [await startEcho(echoA, instances === 2 ? databaseUrl : null)];
      if (instances === 2) echo.push(await startEcho(echoB, databaseUrl));
      const baseline = await measure(
        `baseline ×${instances}`,
        plan(
          `http://127.0.0.1:${echoA}`,
          `http://127.0.0.1:${instances === 2 ? echoB : echoA}`,
          false,
        ),
        publicUrl,
      );
      for (const e of echo) await stop(e);
      console.log(
        `  baseline (bare socket.io${instances === 2 ? ', 2 processes, PostgreSQL adapter' : ''})\n    ${describe(baseline)}`,
      );

      // A fresh first process: what a previous phase left queued (timed out) must not weigh here.
      await stop(a);
      a = await startApi(portA, false);
      let b = null;
      if (instances === 2) b = await startApi(portB, false);
      const kabinet = await measure(
        `kabinet ×${instances}`,
        plan(base, instances === 2 ? `http://127.0.0.1:${portB}` : base, true),
        publicUrl,
        () => probe(pool, 'bench_chat', [a.pid, ...(b ? [b.pid] : [])]),
      );
      await stop(b);
      await stop(a); // nothing of Kabinet's runs during the next baseline
      console.log(
        `  kabinet (${instances} instance${instances === 2 ? 's' : ''})\n    ${describe(kabinet)}` +
          `\n    API CPU ${kabinet.load.apiCpuPercent.join('% + ')}% of a core; the API's database ` +
          `sessions on average: ${JSON.stringify(kabinet.load.database)}\n`,
      );
      const goal = GOAL_P99_MS[instances];
      rows.push({
        case: `chat delivery, ${instances} instance${instances === 2 ? 's' : ''}`,
        sockets: SOCKETS,
        chats: chats.length,
        messagesPerSecond: RATE,
        seconds: SECONDS,
        baselineP50ms: baseline.p50,
        baselineP99ms: baseline.p99,
        baselineMaxMs: baseline.max,
        baselineLost: baseline.lost,
        kabinetP50ms: kabinet.p50,
        kabinetP99ms: kabinet.p99,
        kabinetMaxMs: kabinet.max,
        kabinetAckP50ms: kabinet.ackP50,
        kabinetAckP99ms: kabinet.ackP99,
        kabinetStagesMs: kabinet.stages,
        kabinetLoad: kabinet.load,
        p50Ratio:
          kabinet.p50 === null || baseline.p50 === null
            ? null
            : Number((kabinet.p50 / Math.max(baseline.p50, 0.1)).toFixed(2)),
        p99Ratio:
          kabinet.p99 === null || baseline.p99 === null
            ? null
            : Number((kabinet.p99 / Math.max(baseline.p99, 0.1)).toFixed(2)),
        kabinetSent: kabinet.sent,
        kabinetAcked: kabinet.acked,
        kabinetAckFailures: kabinet.ackFailures,
        kabinetLost: kabinet.lost,
        kabinetReceipts: kabinet.receipts,
        scheduleMaxLagMs: Math.max(kabinet.scheduleMaxLagMs, baseline.scheduleMaxLagMs),
        goalP99Ms: goal,
        goalMet:
          kabinet.p99 !== null &&
          kabinet.p99 <= goal &&
          kabinet.lost === 0 &&
          kabinet.ackFailures === 0,
      });
    }
    printTable(rows);
    return rows;
  } finally {
    for (const child of [...children]) await stop(child);
    await pool.end();
  }
}
