import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { DB, type Database } from '../../database/sql';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { appendEvents } from '../events/append-events';
import {
  toChangeRequest,
  type ChangeRequestDto,
  type ChangeRequestPageDto,
  type ListChangeRequestsQueryDto,
  type ResolveChangeRequestDto,
  type StaffChangeRequestDto,
} from './change-requests.dto';
import { ChangeRequestsRepository } from './change-requests.repository';

/** The staff queue of customers' contact change requests: list them, answer them. */
@Injectable()
export class ChangeRequestsService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: ChangeRequestsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The staff queue: requests of the customers the caller may see. */
  async queue(auth: AuthContext, query: ListChangeRequestsQueryDto): Promise<ChangeRequestPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await this.repo.queue({
      status: query.status ?? 'pending',
      customerScope: this.access.customerScope(auth, 'cu'),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r): StaffChangeRequestDto => ({
        ...toChangeRequest(r),
        customerId: r.customer_id,
        customerName: r.customer_name,
        resolvedByName: r.resolved_by_name,
      })),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  /** Done or rejected, with an answer the customer sees and is notified of; audited. */
  async resolve(
    auth: AuthContext,
    id: string,
    body: ResolveChangeRequestDto,
  ): Promise<ChangeRequestDto> {
    const resolution = body.resolution?.trim() || null;
    if (body.status === 'rejected' && !resolution) {
      throw DomainError.validation([
        { path: 'resolution', message: 'Say why the request is rejected: the customer sees it' },
      ]);
    }
    return this.db.transaction(async (tx) => {
      const requests = this.repo.in(tx);
      const r = await requests.findForUpdate(id, this.access.customerScope(auth, 'cu'));
      if (!r) throw DomainError.notFound('Change request');
      if (r.status !== 'pending') {
        throw new DomainError('conflict', 'This request has already been answered');
      }
      const updated = await requests.resolve(id, {
        status: body.status,
        resolution,
        resolvedById: auth.userId,
      });
      await this.audit.record(tx, {
        actorId: auth.userId,
        action: 'changeRequest.resolve',
        subjectType: 'customer',
        subjectId: r.customer_id,
        details: { requestId: id, status: body.status },
      });
      // Last: the customer's notification follows from the event (notifications consumer).
      await appendEvents(tx, [
        {
          type: 'change_request.resolved',
          source: 'api',
          customerId: r.customer_id,
          payload: { requestId: id, field: r.field, status: body.status, resolution },
        },
      ]);
      return toChangeRequest(updated);
    });
  }
}
