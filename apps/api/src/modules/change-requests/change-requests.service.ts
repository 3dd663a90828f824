import { managerDb } from '../../database/sql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { createNotifications } from '../notifications/create-notifications';
import {
  REQUEST_COLUMNS,
  toChangeRequest,
  type ChangeRequestDto,
  type ChangeRequestPageDto,
  type ListChangeRequestsQueryDto,
  type RequestRow,
  type ResolveChangeRequestDto,
  type StaffChangeRequestDto,
} from './change-requests.dto';

/** The staff queue of customers' contact change requests: list them, answer them. */
@Injectable()
export class ChangeRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The staff queue: requests of the customers the caller may see. */
  async queue(auth: AuthContext, query: ListChangeRequestsQueryDto): Promise<ChangeRequestPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const scope = this.access.customerScopeText(auth, 'cu', 4);
    const rows: Array<RequestRow & { total_count: string }> = await this.db.query(
      `SELECT ${REQUEST_COLUMNS}, r.customer_id, cu.full_name AS customer_name,
              s.full_name AS resolved_by_name, count(*) OVER () AS total_count
         FROM profile_change_requests r JOIN customers cu ON cu.id = r.customer_id
         LEFT JOIN staff_users s ON s.id = r.resolved_by_id
        WHERE r.status = $1 AND ${scope.sql}
        ORDER BY r.created_at ${query.status && query.status !== 'pending' ? 'DESC' : 'ASC'}, r.id
        LIMIT $2 OFFSET $3`,
      [query.status ?? 'pending', pageSize, (page - 1) * pageSize, ...scope.params],
    );
    return {
      items: rows.map((r): StaffChangeRequestDto => ({
        ...toChangeRequest(r),
        customerId: r.customer_id!,
        customerName: r.customer_name!,
        resolvedByName: r.resolved_by_name ?? null,
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
      const scope = this.access.customerScopeText(auth, 'cu', 2);
      const found: Array<{ customer_id: string; status: string; field: string }> = await tx.query(
        `SELECT r.customer_id, r.status, r.field FROM profile_change_requests r
           JOIN customers cu ON cu.id = r.customer_id
          WHERE r.id = $1 AND ${scope.sql} FOR UPDATE OF r`,
        [id, ...scope.params],
      );
      const r = found[0];
      if (!r) throw DomainError.notFound('Change request');
      if (r.status !== 'pending') {
        throw new DomainError('conflict', 'This request has already been answered');
      }
      // TypeORM answers an UPDATE with [rows, count].
      const [updated]: [RequestRow[], number] = await tx.query(
        `UPDATE profile_change_requests SET status = $2, resolution = $3, resolved_by_id = $4,
                resolved_at = now()
          WHERE id = $1 RETURNING ${REQUEST_COLUMNS.replace(/r\./g, '')}`,
        [id, body.status, resolution, auth.userId],
      );
      await createNotifications(managerDb(tx), [
        {
          customerId: r.customer_id,
          contractId: null,
          kind: 'profile_request',
          params: { field: r.field, status: body.status, resolution },
        },
      ]);
      await this.audit.record(managerDb(tx), {
        actorId: auth.userId,
        action: 'changeRequest.resolve',
        subjectType: 'customer',
        subjectId: r.customer_id,
        details: { requestId: id, status: body.status },
      });
      return toChangeRequest(updated[0]!);
    });
  }
}
