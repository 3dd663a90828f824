import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db, type Sql } from '../../database/sql';

/** The existence checks behind AccessService's asserts. */
@Injectable()
export class AccessRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Whether the live customer `id` passes `scope` (a condition on `cu`). */
  async customerVisible(id: string, scope: Sql): Promise<boolean> {
    const rows = await this.db.query(
      sql`SELECT 1 FROM customers cu WHERE cu.id = ${id} AND cu.archived_at IS NULL AND ${scope}`,
    );
    return rows.length > 0;
  }

  /** How many of the live contracts `ids` pass `scope` (a condition on `c`). */
  async countVisibleContracts(ids: string[], scope: Sql): Promise<number> {
    const rows = await this.db.query<{ n: string }>(
      sql`SELECT count(*) AS n FROM contracts c
           WHERE c.id = ANY(${ids}::uuid[]) AND c.archived_at IS NULL AND ${scope}`,
    );
    return Number(rows[0]?.n ?? 0);
  }
}
