import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** The health check's round trip to the database. */
@Injectable()
export class HealthRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Resolves when the database answers a trivial statement; rejects when it does not. */
  async ping(): Promise<void> {
    await this.db.query(sql`SELECT 1`);
  }
}
