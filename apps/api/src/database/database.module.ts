import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DB, typeormDatabase } from './sql';

/** The app's `Database` (sql.ts) over TypeORM's connection pool, as `@Inject(DB)`. */
@Global()
@Module({
  providers: [
    {
      provide: DB,
      useFactory: (ds: DataSource) => typeormDatabase(ds),
      inject: [getDataSourceToken()],
    },
  ],
  exports: [DB],
})
export class DatabaseModule {}
