import { Injectable } from '@nestjs/common';
import type { ShareAccess } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { empty, ident, sql, type Sql } from '../../database/sql';
import type { AuthContext } from '../auth/auth-context';
import { AccessRepository } from './access.repository';

/**
 * What a person holds of a contract: `owner` (the customer 1C names), `full` or `read` (a
 * customer it is shared with, modules/shares), `staff` (a staff member who may see it).
 */
export type ContractAccess = 'owner' | ShareAccess | 'staff';

/**
 * Record-level access in one place: SQL conditions saying which contracts a person may touch.
 * Outsiders get 404, never 403, so the existence of a record is not leaked.
 *
 * A customer reads the contracts 1C says are theirs and those shared with them (an active share
 * whose owner still owns the contract); they may change something about a contract (write in
 * its chats, decide an approval) when it is theirs or shared in `full`. Staff read what their
 * role lets them see and may act on it; a staff member viewing a customer's cabinet acts on
 * nothing.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  /** A SQL condition on the contracts alias `alias` limiting rows to what `auth` may read. */
  contractScope(auth: AuthContext, alias: string): Sql {
    const c = ident(alias);
    if (auth.kind === 'customer') {
      return sql`${c}.id IN (${customerContractIds(auth.userId, false)})`;
    }
    return this.staffScope(auth, c);
  }

  /**
   * A SQL condition on the contracts alias `alias` limiting rows to those `auth` may change
   * something about: a customer's own and those shared with them in `full`; for staff the same
   * as `contractScope`. Nothing while a staff member views a customer's cabinet (read-only).
   * For statements that act on many contracts at once; one contract: `assertContractWritable`.
   */
  contractWriteScope(auth: AuthContext, alias: string): Sql {
    const c = ident(alias);
    if (auth.viewAs) return sql`FALSE`;
    if (auth.kind === 'customer') {
      return sql`${c}.id IN (${customerContractIds(auth.userId, true)})`;
    }
    return this.staffScope(auth, c);
  }

  /**
   * A SQL condition on the contracts alias `alias`: the contracts the customer `auth` owns in
   * 1C — what only an owner may do (share a contract). Nothing for staff.
   */
  contractOwnerScope(auth: AuthContext, alias: string): Sql {
    const c = ident(alias);
    return auth.kind === 'customer' ? sql`${c}.customer_id = ${auth.userId}` : sql`FALSE`;
  }

  /**
   * A SQL condition on the customers alias `alias`: staff see the customers of the contracts they
   * may see (all with `contract.readAll`); a customer sees only themself (not the owner of a
   * contract shared with them: that contract's page names them, nothing more).
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

  /**
   * What `auth` holds of contract `id` (see `ContractAccess`); throws not_found when they may
   * not read it (missing, archived, someone else's, a share revoked). Read-only while a staff
   * member views a customer's cabinet is not said here: see `assertContractWritable`.
   */
  async contractAccess(auth: AuthContext, id: string): Promise<ContractAccess> {
    if (auth.kind === 'staff') {
      await this.assertContracts(auth, [id]);
      return 'staff';
    }
    const access = await this.repo.customerContractAccess(id, auth.userId);
    if (!access) throw DomainError.notFound('Contract');
    return access;
  }

  /**
   * "May this person change something about contract `id`?" (send a message in its chat,
   * decide an approval): not_found when they may not read it, read_only when they may only read
   * it (shared read-only, or a staff member viewing a customer's cabinet); else the access they
   * hold. The chat and every other contract-bound change ask this first.
   */
  async assertContractWritable(auth: AuthContext, id: string): Promise<ContractAccess> {
    const access = await this.contractAccess(auth, id);
    if (auth.viewAs) {
      throw new DomainError(
        'read_only',
        'You are viewing the customer’s cabinet as they see it; nothing can be changed',
      );
    }
    if (!mayWrite(access)) {
      throw new DomainError('read_only', 'This contract is shared with you to read only');
    }
    return access;
  }

  private staffScope(auth: AuthContext, c: Sql): Sql {
    if (auth.permissions.has('contract.readAll')) return sql`TRUE`;
    return sql`(${c}.manager_id = ${auth.userId} OR EXISTS (SELECT 1 FROM contract_assignees ca
              WHERE ca.contract_id = ${c}.id AND ca.staff_user_id = ${auth.userId}))`;
  }
}

/** Whether holding `access` lets one change something about the contract. */
export function mayWrite(access: ContractAccess): boolean {
  return access !== 'read';
}

/**
 * The ids of the contracts customer `customerId` may read: their own and those shared with them
 * by their owner (an active share whose owner still owns the contract); with `writable`, only
 * those shared in `full`. A list of ids, so PostgreSQL joins it by primary key (an OR of the two
 * would read every contract).
 */
function customerContractIds(customerId: string, writable: boolean): Sql {
  return sql`SELECT o.id FROM contracts o WHERE o.customer_id = ${customerId}
     UNION ALL
     SELECT s.contract_id FROM contract_shares s JOIN contracts sc ON sc.id = s.contract_id
      WHERE s.grantee_customer_id = ${customerId} AND s.revoked_at IS NULL
        AND s.owner_customer_id = sc.customer_id ${writable ? sql`AND s.access = 'full'` : empty}`;
}
