import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';

/**
 * Whether the database lacks any of the compiled migrations, asked without loading TypeORM: by
 * the names TypeORM records in its `migrations` table (a migration's `name`, else its class
 * name — what TypeORM itself compares). Lets `kabinet import` skip the ORM when nothing is due.
 */
export async function hasPendingMigrations(
  url: string,
  dir = join(__dirname, 'migrations'),
): Promise<boolean> {
  const names: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value !== 'function') continue;
      const instance = new (value as new () => { name?: string })();
      names.push(instance.name ?? value.name);
    }
  }
  const client = new Client({ connectionString: url, application_name: 'kabinet-cli' });
  await client.connect();
  try {
    const done = await client.query<{ name: string }>('SELECT name FROM migrations');
    const ran = new Set(done.rows.map((r) => r.name));
    return names.some((n) => !ran.has(n));
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return true; // no migrations table yet
    throw err;
  } finally {
    await client.end();
  }
}
