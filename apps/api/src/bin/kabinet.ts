import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isStaffRole } from '@kabinet/shared';
import { DomainError } from '../common/domain-error';
import { loadConfig, type AppConfig } from '../config/config';
import { connectDatabase } from '../database/connect';
import { hasPendingMigrations } from '../database/pending-migrations';
import type { CycleResult } from '../modules/exchange/exchange-runs';

// `import` does not boot the API: it loads `pg` and import-file.ts, and each file is imported by
// the slim import process, so the whole command stays small however big the file. The other
// commands load Nest and TypeORM when they run (dynamic imports below).

async function createApp(config: AppConfig, databaseUrl: string) {
  await import('reflect-metadata');
  const { createApp } = await import('../app.factory.js');
  return createApp({ config, databaseUrl, silent: true });
}

const USAGE = `Usage: pnpm kabinet <command> [options]

Commands:
  migrate                         apply pending database migrations
  create-admin --login L --name "Full Name" [--password P] [--role admin]
                                  create the first admin (or reset a staff password);
                                  without --password it reads KABINET_PASSWORD
  demo                            load the demo data (once)
  import <file.xml> [...]         import 1C files (CommerceML) now, in the order given,
                                  through the same importer and ledger as the exchange
  exchange                        run one exchange cycle now (inbox -> import -> outbox)
`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const db = await connectDatabase(config);
  try {
    // TypeORM runs the migrations; `import` loads it only when some are due.
    if (command !== 'import' || (await hasPendingMigrations(db.url))) {
      const { runMigrations } = await import('../database/migrate.js');
      await runMigrations(db.url);
    }
    switch (command) {
      case 'migrate':
        process.stdout.write('Database is up to date\n');
        return 0;
      case 'create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: {
            login: { type: 'string' },
            name: { type: 'string' },
            password: { type: 'string' },
            role: { type: 'string', default: 'admin' },
            email: { type: 'string' },
          },
        });
        const password = values.password ?? process.env.KABINET_PASSWORD;
        if (!values.login || !values.name || !password) {
          process.stderr.write(`--login, --name and a password are required\n\n${USAGE}`);
          return 2;
        }
        if (!isStaffRole(values.role)) {
          process.stderr.write(`Unknown role ${values.role}\n`);
          return 2;
        }
        const { app } = await createApp(config, db.url);
        try {
          const { StaffService } = await import('../modules/staff/staff.service.js');
          const user = await app.get(StaffService).upsertWithPassword({
            login: values.login,
            password,
            fullName: values.name,
            role: values.role,
            email: values.email ?? null,
          });
          process.stdout.write(`Staff account ${user.login} (${user.role}) is ready\n`);
        } finally {
          await app.close();
        }
        return 0;
      }
      case 'demo': {
        const { app } = await createApp(config, db.url);
        try {
          const { DemoService } = await import('../modules/demo/demo.service.js');
          const loaded = await app.get(DemoService).loadOnce();
          process.stdout.write(
            loaded ? 'Demo data loaded\n' : 'Data exists already; nothing loaded\n',
          );
        } finally {
          await app.close();
        }
        return 0;
      }
      case 'import': {
        if (!rest.length) {
          process.stderr.write(`Name at least one file\n\n${USAGE}`);
          return 2;
        }
        return await importFiles(config, db.url, rest);
      }
      case 'exchange': {
        const { app } = await createApp(config, db.url);
        try {
          const { ExchangeService } = await import('../modules/exchange/exchange.service.js');
          const result = await app.get(ExchangeService).runCycle('cli');
          if (!result) {
            process.stderr.write('Another exchange run is in progress\n');
            return 1;
          }
          const { notesReport } = await import('../modules/exchange/import-ledger.js');
          for (const f of result.files) {
            const warned =
              f.status === 'imported' && f.warningCount
                ? ` with ${f.warningCount} warning${f.warningCount === 1 ? '' : 's'}`
                : '';
            process.stdout.write(`${f.name}: ${f.status}${warned}\n`);
            if (f.status === 'imported') {
              for (const line of notesReport(f)) process.stdout.write(`  ${line}\n`);
            }
          }
          process.stdout.write(
            `Run ${result.status}: ${result.files.length} file(s), ${result.exported} change(s) exported${result.error ? `; ${result.error}` : ''}\n`,
          );
          return result.status === 'succeeded' ? 0 : 1;
        } finally {
          await app.close();
        }
      }
      default:
        process.stderr.write(USAGE);
        return command ? 2 : 0;
    }
  } finally {
    await db.stop();
  }
}

/** `kabinet import`: each file through the ledger and the import process, in the order given. */
async function importFiles(config: AppConfig, databaseUrl: string, files: string[]) {
  const { Pool } = await import('pg');
  const { importLocalFile } = await import('../modules/exchange/exchange-runs.js');
  const { notesReport } = await import('../modules/exchange/import-ledger.js');
  const { importerFromConfig } = await import('../modules/exchange/import-launcher.js');
  const { pgDatabase } = await import('../database/sql.js');
  // Two connections: an in-process import (EXCHANGE_IMPORT_WORKER=false) holds one for its
  // transaction and writes progress through the other.
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'kabinet-cli' });
  const db = pgDatabase(pool);
  const now = () => new Date();
  const importFile = importerFromConfig(config, databaseUrl, {
    db,
    now,
    logError: (err, message) => {
      if (config.logLevel !== 'silent') {
        process.stderr.write(`${message}: ${(err as Error).stack ?? String(err)}\n`);
      }
    },
  });
  let failed = 0;
  try {
    for (const file of files) {
      const result: CycleResult = await importLocalFile(
        { db, now, importFile },
        resolve(file),
        'cli',
      );
      for (const f of result.files) {
        switch (f.status) {
          case 'imported': {
            const c = f.counts;
            const warned = f.warningCount
              ? ` with ${f.warningCount} warning${f.warningCount === 1 ? '' : 's'}`
              : '';
            process.stdout.write(
              `${f.name}: imported${warned} (created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, archived ${c.archived})\n`,
            );
            for (const line of notesReport(f)) process.stdout.write(`  ${line}\n`);
            break;
          }
          case 'duplicate':
            process.stdout.write(`${f.name}: the same bytes were imported before; nothing to do\n`);
            break;
          case 'failed':
            failed++;
            process.stderr.write(`${f.name}: FAILED\n${f.report}`);
            break;
        }
      }
    }
  } finally {
    await pool.end();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DomainError && err.extra.fields) {
      for (const f of err.extra.fields) process.stderr.write(`${f.path}: ${f.message}\n`);
    } else {
      process.stderr.write(`${(err as Error).message}\n`);
    }
    process.exit(1);
  },
);
