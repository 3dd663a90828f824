import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/pg. */
export async function connectDatabase(
  config: AppConfig,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({
    dir: join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    database: 'kabinet',
    log,
  });
  return { url: pg.url, embedded: true, stop: pg.stop };
}
