import { DataSource } from 'typeorm';
import { dataSourceOptions, type Migrations } from './data-source-options';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas starting together
 * do not race. Returns the names of the migrations it ran.
 */
export async function runMigrations(url: string, migrations?: Migrations): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, migrations), logging: ['error'] });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(727274)');
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock(727274)');
    }
  } finally {
    await ds.destroy();
  }
}
