import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isStaffRole } from '@kabinet/shared';
import { createApp } from '../app.factory';
import { DomainError } from '../common/domain-error';
import { loadConfig } from '../config/config';
import { connectDatabase } from '../database/connect';
import { runMigrations } from '../database/migrate';
import { DemoService } from '../modules/demo/demo.service';
import { ExchangeService } from '../modules/exchange/exchange.service';
import { StaffService } from '../modules/staff/staff.service';

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
    await runMigrations(db.url);
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
        const { app } = await createApp({ config, databaseUrl: db.url, silent: true });
        try {
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
        const { app } = await createApp({ config, databaseUrl: db.url, silent: true });
        try {
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
        const { app } = await createApp({ config, databaseUrl: db.url, silent: true });
        let failed = 0;
        try {
          for (const file of rest) {
            const result = await app.get(ExchangeService).importLocalFile(resolve(file), 'cli');
            for (const f of result.files) {
              switch (f.status) {
                case 'imported': {
                  const c = f.counts;
                  process.stdout.write(
                    `${f.name}: imported (created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, archived ${c.archived})\n`,
                  );
                  break;
                }
                case 'duplicate':
                  process.stdout.write(
                    `${f.name}: the same bytes were imported before; nothing to do\n`,
                  );
                  break;
                case 'failed':
                  failed++;
                  process.stderr.write(`${f.name}: FAILED\n${f.report}`);
                  break;
              }
            }
          }
        } finally {
          await app.close();
        }
        return failed ? 1 : 0;
      }
      case 'exchange': {
        const { app } = await createApp({ config, databaseUrl: db.url, silent: true });
        try {
          const result = await app.get(ExchangeService).runCycle('cli');
          if (!result) {
            process.stderr.write('Another exchange run is in progress\n');
            return 1;
          }
          for (const f of result.files) process.stdout.write(`${f.name}: ${f.status}\n`);
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
