import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase } from './database/connect';
import { runMigrations } from './database/migrate';
import { DemoService } from './modules/demo/demo.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const say = (m: string) => process.stdout.write(`${m}\n`);
  if (!config.databaseUrl) say(`Starting the embedded PostgreSQL in ${config.dataDir}/pg ...`);
  const db = await connectDatabase(config);
  let stopping = false;
  const stopDb = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
  };
  try {
    const ran = await runMigrations(db.url);
    if (ran.length) say(`Applied migrations: ${ran.join(', ')}`);
    const { app } = await createApp({ config, databaseUrl: db.url });
    let demoLoaded = false;
    if (config.demoData) demoLoaded = await app.get(DemoService).loadOnce();
    await app.listen({ port: config.port, host: config.host });
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
    const shutdown = async (signal: string) => {
      say(`\n${signal}: shutting down`);
      await app.close();
      await stopDb();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    await stopDb();
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
