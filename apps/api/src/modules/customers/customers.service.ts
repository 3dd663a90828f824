import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { likeEscape, phoneDigits } from '../../common/search';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import type { CustomerPageDto, ListCustomersQueryDto } from './customers.dto';

/** Customers for staff: search, and "view as customer" (read-only, audited). */
@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** One statement: a page of the customers the caller may see, with their contracts' totals. */
  async list(auth: AuthContext, query: ListCustomersQueryDto): Promise<CustomerPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [pageSize, (page - 1) * pageSize];
    const custScope = this.access.customerScope(auth, 'cu', params.length + 1);
    params.push(...custScope.params);
    const contractScope = this.access.contractScope(auth, 'c', params.length + 1);
    params.push(...contractScope.params);
    const where = ['cu.archived_at IS NULL', custScope.sql];
    const q = query.q?.trim().toLowerCase();
    if (q) {
      params.push(`%${likeEscape(q)}%`);
      const like = `$${params.length}`;
      const conditions = [
        `lower(cu.full_name) LIKE ${like}`,
        // Its own table, so the contracts' trigram index can answer it.
        `cu.id IN (SELECT qc.customer_id FROM contracts qc
                    WHERE qc.archived_at IS NULL AND lower(qc.number) LIKE ${like})`,
      ];
      if (/^(\d{10}|\d{12})$/.test(q)) {
        params.push(q);
        conditions.push(`cu.inn = $${params.length}`); // a company by its ИНН
      }
      const phone = phoneDigits(q);
      if (phone) {
        params.push(phone);
        conditions.push(`cu.phone LIKE $${params.length}`);
      }
      where.push(`(${conditions.join(' OR ')})`);
    }
    const rows: Array<{
      id: string;
      full_name: string;
      phone: string | null;
      email: string | null;
      inn: string | null;
      official_name: string | null;
      contracts: string;
      last_contract_date: string | null;
      balance_due: string;
      total_count: string;
    }> = await this.db.query(
      // The filter and the page on customers alone; the per-customer sums only for the page.
      `WITH filtered AS MATERIALIZED (
         SELECT cu.id, cu.full_name FROM customers cu WHERE ${where.join(' AND ')}
       ), page AS (
         SELECT f.id FROM filtered f ORDER BY f.full_name, f.id LIMIT $1 OFFSET $2
       )
       SELECT cu.id, cu.full_name, cu.phone, cu.email, cu.inn, cu.official_name, s.contracts,
              s.last_contract_date,
              s.balance_due, (SELECT count(*) FROM filtered) AS total_count
         FROM page p JOIN customers cu ON cu.id = p.id
         CROSS JOIN LATERAL (
           SELECT count(*) AS contracts, to_char(max(c.date), 'YYYY-MM-DD') AS last_contract_date,
                  COALESCE(sum(c.total - c.paid), 0) AS balance_due
             FROM contracts c
            WHERE c.customer_id = cu.id AND c.archived_at IS NULL AND ${contractScope.sql}) s
        ORDER BY cu.full_name, cu.id`,
      params,
    );
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
      await tx.query('UPDATE sessions SET view_as_customer_id = $2 WHERE id = $1', [
        auth.sessionId,
        customerId,
      ]);
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
      await tx.query('UPDATE sessions SET view_as_customer_id = NULL WHERE id = $1', [
        auth.sessionId,
      ]);
      await this.audit.record(tx, {
        actorId: viewAs.staffUserId,
        action: 'customer.viewAs.end',
        subjectType: 'customer',
        subjectId: auth.userId,
      });
    });
  }
}
