import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { runMigrations } from '../src/database/migrate';
import { MIGRATIONS } from './migrations';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One PostgreSQL per run: DATABASE_URL's server when set (it needs CREATEDB), otherwise an
 * embedded cluster in a temp dir. A migrated template database is made once; each test file
 * clones it (CREATE DATABASE ... TEMPLATE), so every file starts from a fresh schema.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  let dir: string | undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    dir = await mkdtemp(join(tmpdir(), 'kabinet-test-pg-'));
    // mkdtemp makes it 0700; as root the server runs as `postgres` and must reach its data.
    await chmod(dir, 0o755);
    const pg = await startEmbeddedPostgres({
      dir: join(dir, 'data'),
      port: await freePort(),
      database: 'postgres',
    });
    adminUrl = pg.adminUrl;
    stop = pg.stop;
  }
  const template = `kabinet_tpl_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await runMigrations(withDatabase(adminUrl, template), MIGRATIONS);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'kabinet_t_%'`,
      [template],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await c.end();
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
