import { Inject, Injectable } from '@nestjs/common';
import type { ShareAccess } from '@kabinet/shared';
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

  /**
   * What customer `customerId` holds of the live contract `id`: `owner` (1C says it is theirs),
   * the access of their active share, or nothing (none: not theirs, missing or archived).
   */
  async customerContractAccess(
    id: string,
    customerId: string,
  ): Promise<'owner' | ShareAccess | undefined> {
    const rows = await this.db.query<{ access: 'owner' | ShareAccess | null }>(
      sql`SELECT CASE WHEN c.customer_id = ${customerId}::uuid THEN 'owner'
                      ELSE (SELECT s.access FROM contract_shares s
                             WHERE s.contract_id = c.id AND s.grantee_customer_id = ${customerId}::uuid
                               AND s.owner_customer_id = c.customer_id AND s.revoked_at IS NULL)
                 END AS access
            FROM contracts c WHERE c.id = ${id} AND c.archived_at IS NULL`,
    );
    return rows[0]?.access ?? undefined;
  }
}
