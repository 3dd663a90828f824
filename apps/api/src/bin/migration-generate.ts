import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { connectDatabase } from '../database/connect';
import { runMigrations } from '../database/migrate';

/**
 * `pnpm migration:generate <Name>`: migrates a scratch database to the current migrations, then
 * runs TypeORM's own `migration:generate` against it, so the new file holds exactly the
 * difference between the entities and the migrations.
 */
async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    process.stderr.write('Usage: pnpm migration:generate <PascalCaseName>\n');
    return 2;
  }
  const config = loadConfig();
  const db = await connectDatabase(config);
  const scratch = 'kabinet_migration_scratch';
  const adminUrl = new URL(db.url);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const scratchUrl = new URL(db.url);
    scratchUrl.pathname = `/${scratch}`;
    await runMigrations(scratchUrl.toString());
    const apiDir = resolve(__dirname, '../..');
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('typeorm/cli.js'),
        'migration:generate',
        '-d',
        'dist/database/data-source.js',
        `src/database/migrations/${name}`,
      ],
      {
        cwd: apiDir,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: scratchUrl.toString() },
      },
    );
    return result.status ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);
