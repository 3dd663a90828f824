import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isStaffRole } from '@kabinet/shared';
import { createApp } from '../app.factory';
import { DomainError } from '../common/domain-error';
import { loadConfig } from '../config/config';
import { connectDatabase } from '../database/connect';
import { runMigrations } from '../database/migrate';
import { DemoService } from '../modules/demo/demo.service';
import { StaffService } from '../modules/staff/staff.service';

const USAGE = `Usage: pnpm kabinet <command> [options]

Commands:
  migrate                         apply pending database migrations
  create-admin --login L --name "Full Name" [--password P] [--role admin]
                                  create the first admin (or reset a staff password);
                                  without --password it reads KABINET_PASSWORD
  demo                            load the demo data (once)
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
