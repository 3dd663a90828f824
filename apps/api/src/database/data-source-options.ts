import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';

/** The one set of TypeORM options for the app, the CLI and the tests. Never `synchronize`. */
/** Migration classes, or glob patterns TypeORM loads them from (the compiled app uses the glob). */
export type Migrations = NonNullable<DataSourceOptions['migrations']>;

export function dataSourceOptions(url: string, migrations?: Migrations): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: migrations ?? [join(__dirname, 'migrations', '*.js')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: 10, application_name: 'kabinet' },
  };
}
