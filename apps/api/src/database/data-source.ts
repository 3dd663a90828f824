import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

/**
 * The data source for the TypeORM CLI (`pnpm --filter @kabinet/api typeorm ...`). It needs
 * DATABASE_URL; `pnpm migration:generate` and `pnpm migration:run` start the embedded server
 * themselves when it is not set.
 */
const config = loadConfig();
if (!config.databaseUrl) throw new Error('Set DATABASE_URL to use the TypeORM CLI directly');
export default new DataSource(dataSourceOptions(config.databaseUrl));
