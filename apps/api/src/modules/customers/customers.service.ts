import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { DB, type Database } from '../../database/sql';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import type { CustomerPageDto, ListCustomersQueryDto } from './customers.dto';
import { CustomersRepository } from './customers.repository';

/** Customers for staff: search, and "view as customer" (read-only, audited). */
@Injectable()
export class CustomersService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: CustomersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** One statement: a page of the customers the caller may see, with their contracts' totals. */
  async list(auth: AuthContext, query: ListCustomersQueryDto): Promise<CustomerPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await this.repo.page({
      customerScope: this.access.customerScope(auth, 'cu'),
      contractScope: this.access.contractScope(auth, 'c'),
      q: query.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        fullName: r.full_name,
        phone: r.phone,
        email: r.email,
        inn: r.inn,
        officialName: r.official_name,
        contracts: Number(r.contracts),
        lastContractDate: r.last_contract_date,
        balanceDue: r.balance_due,
      })),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  /** Turns this staff session into a read-only view of the customer's cabinet; audited. */
  async startViewAs(auth: AuthContext, customerId: string): Promise<void> {
    if (auth.viewAs) {
      throw new DomainError('conflict', 'Return to your own cabinet first');
    }
    await this.access.assertCustomer(auth, customerId);
    await this.db.transaction(async (tx) => {
      await this.repo.in(tx).setViewAs(auth.sessionId, customerId);
      await this.audit.record(tx, {
        actorId: auth.userId,
        action: 'customer.viewAs.start',
        subjectType: 'customer',
        subjectId: customerId,
      });
    });
  }

  /** Back to the staff member's own cabinet; audited. */
  async endViewAs(auth: AuthContext): Promise<void> {
    if (!auth.viewAs) return;
    const viewAs = auth.viewAs;
    await this.db.transaction(async (tx) => {
      await this.repo.in(tx).setViewAs(auth.sessionId, null);
      await this.audit.record(tx, {
        actorId: viewAs.staffUserId,
        action: 'customer.viewAs.end',
        subjectType: 'customer',
        subjectId: auth.userId,
      });
    });
  }
}
