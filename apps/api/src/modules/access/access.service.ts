import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { AuthContext } from '../auth/auth-context';

/**
 * Record-level access in one place: SQL conditions saying which contracts a person may touch.
 * Outsiders get 404, never 403, so the existence of a record is not leaked.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A SQL condition on a contracts alias limiting rows to what `auth` may read, with its
   * parameters starting at `$firstParam`.
   */
  contractScope(
    auth: AuthContext,
    alias: string,
    firstParam = 1,
  ): { sql: string; params: unknown[] } {
    if (auth.kind === 'customer') {
      return { sql: `${alias}.customer_id = $${firstParam}`, params: [auth.userId] };
    }
    if (auth.permissions.has('contract.readAll')) return { sql: 'TRUE', params: [] };
    return {
      sql: `(${alias}.manager_id = $${firstParam} OR EXISTS (SELECT 1 FROM contract_assignees ca
              WHERE ca.contract_id = ${alias}.id AND ca.staff_user_id = $${firstParam}))`,
      params: [auth.userId],
    };
  }

  /**
   * A SQL condition on a customers alias: staff see the customers of the contracts they may see
   * (all with `contract.readAll`); a customer sees only themself.
   */
  customerScope(
    auth: AuthContext,
    alias: string,
    firstParam = 1,
  ): { sql: string; params: unknown[] } {
    if (auth.kind === 'customer') {
      return { sql: `${alias}.id = $${firstParam}`, params: [auth.userId] };
    }
    if (auth.permissions.has('contract.readAll')) return { sql: 'TRUE', params: [] };
    const contracts = this.contractScope(auth, 'sc', firstParam);
    return {
      sql: `EXISTS (SELECT 1 FROM contracts sc WHERE sc.customer_id = ${alias}.id
                     AND sc.archived_at IS NULL AND ${contracts.sql})`,
      params: contracts.params,
    };
  }

  /** Throws not_found unless `auth` may see this customer. */
  async assertCustomer(auth: AuthContext, id: string): Promise<void> {
    const scope = this.customerScope(auth, 'cu', 2);
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM customers cu WHERE cu.id = $1 AND cu.archived_at IS NULL AND ${scope.sql}`,
      [id, ...scope.params],
    );
    if (!rows.length) throw DomainError.notFound('Customer');
  }

  /** Throws not_found unless `auth` may read every contract in `ids`. */
  async assertContracts(auth: AuthContext, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const scope = this.contractScope(auth, 'c', 2);
    const rows: Array<{ n: string }> = await this.db.query(
      `SELECT count(*) AS n FROM contracts c WHERE c.id = ANY($1::uuid[]) AND c.archived_at IS NULL AND ${scope.sql}`,
      [ids, ...scope.params],
    );
    if (Number(rows[0]?.n ?? 0) !== new Set(ids).size) throw DomainError.notFound('Contract');
  }
}
