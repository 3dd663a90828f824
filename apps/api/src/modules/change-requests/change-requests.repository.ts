import { Inject, Injectable } from '@nestjs/common';
import type { ChangeRequestStatus } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, raw, sql, type Db, type Sql } from '../../database/sql';
import { REQUEST_COLUMNS, type RequestRow } from './change-requests.dto';

/** A request of the staff queue: with whose it is, who answered, and the queue's length. */
export interface QueueRow extends RequestRow {
  customer_id: string;
  customer_name: string;
  resolved_by_name: string | null;
  total_count: string;
}

/** The request an answer is for. */
export interface ResolvingRow {
  customer_id: string;
  status: ChangeRequestStatus;
  field: 'phone' | 'email';
}

/** The request's columns (a constant of the code) on the `r` alias, and bare for RETURNING. */
const COLUMNS = raw(REQUEST_COLUMNS);
const BARE_COLUMNS = raw(REQUEST_COLUMNS.replace(/r\./g, ''));

/** `profile_change_requests` as the staff see and answer them. */
@Injectable()
export class ChangeRequestsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * One statement: a page of the requests in `status` of the customers passing `customerScope`
   * (on `cu`), pending ones oldest first and answered ones newest first; `total_count` on every
   * row.
   */
  async queue(o: {
    status: ChangeRequestStatus;
    customerScope: Sql;
    limit: number;
    offset: number;
  }): Promise<QueueRow[]> {
    const order = o.status === 'pending' ? sql`ASC` : sql`DESC`;
    return this.db.query<QueueRow>(
      sql`SELECT ${COLUMNS}, r.customer_id, cu.full_name AS customer_name,
                 s.full_name AS resolved_by_name, count(*) OVER () AS total_count
            FROM profile_change_requests r JOIN customers cu ON cu.id = r.customer_id
            LEFT JOIN staff_users s ON s.id = r.resolved_by_id
           WHERE r.status = ${o.status} AND ${o.customerScope}
           ORDER BY r.created_at ${order}, r.id
           LIMIT ${o.limit} OFFSET ${o.offset}`,
    );
  }

  /** The request `id` of a customer passing `customerScope` (on `cu`), locked for the answer. */
  async findForUpdate(id: string, customerScope: Sql): Promise<ResolvingRow | undefined> {
    const rows = await this.db.query<ResolvingRow>(
      sql`SELECT r.customer_id, r.status, r.field FROM profile_change_requests r
            JOIN customers cu ON cu.id = r.customer_id
           WHERE r.id = ${id} AND ${customerScope} FOR UPDATE OF r`,
    );
    return rows[0];
  }

  /** Writes the answer (now, by `resolvedById`); answers the request as it is then. */
  async resolve(
    id: string,
    answer: { status: 'done' | 'rejected'; resolution: string | null; resolvedById: string },
  ): Promise<RequestRow> {
    const rows = await this.db.query<RequestRow>(
      sql`UPDATE profile_change_requests
             SET status = ${answer.status}, resolution = ${answer.resolution},
                 resolved_by_id = ${answer.resolvedById}, resolved_at = now()
           WHERE id = ${id}
          RETURNING ${BARE_COLUMNS}`,
    );
    return rows[0]!;
  }
}
