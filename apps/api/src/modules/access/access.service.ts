import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { ident, sql, type Sql } from '../../database/sql';
import type { AuthContext } from '../auth/auth-context';
import { AccessRepository } from './access.repository';

/**
 * Record-level access in one place: SQL conditions saying which contracts a person may touch.
 * Outsiders get 404, never 403, so the existence of a record is not leaked.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  /** A SQL condition on the contracts alias `alias` limiting rows to what `auth` may read. */
  contractScope(auth: AuthContext, alias: string): Sql {
    const c = ident(alias);
    if (auth.kind === 'customer') return sql`${c}.customer_id = ${auth.userId}`;
    if (auth.permissions.has('contract.readAll')) return sql`TRUE`;
    return sql`(${c}.manager_id = ${auth.userId} OR EXISTS (SELECT 1 FROM contract_assignees ca
              WHERE ca.contract_id = ${c}.id AND ca.staff_user_id = ${auth.userId}))`;
  }

  /**
   * A SQL condition on the customers alias `alias`: staff see the customers of the contracts they
   * may see (all with `contract.readAll`); a customer sees only themself.
   */
  customerScope(auth: AuthContext, alias: string): Sql {
    const cu = ident(alias);
    if (auth.kind === 'customer') return sql`${cu}.id = ${auth.userId}`;
    if (auth.permissions.has('contract.readAll')) return sql`TRUE`;
    return sql`EXISTS (SELECT 1 FROM contracts sc WHERE sc.customer_id = ${cu}.id
                     AND sc.archived_at IS NULL AND ${this.contractScope(auth, 'sc')})`;
  }

  /** Throws not_found unless `auth` may see this customer. */
  async assertCustomer(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.repo.customerVisible(id, this.customerScope(auth, 'cu')))) {
      throw DomainError.notFound('Customer');
    }
  }

  /** Throws not_found unless `auth` may read every contract in `ids`. */
  async assertContracts(auth: AuthContext, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const n = await this.repo.countVisibleContracts(ids, this.contractScope(auth, 'c'));
    if (n !== new Set(ids).size) throw DomainError.notFound('Contract');
  }
}
