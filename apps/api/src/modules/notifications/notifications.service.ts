import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import {
  toNotification,
  type ListNotificationsQueryDto,
  type MarkReadDto,
  type NotificationPageDto,
  type NotificationRow,
} from './notifications.dto';

/** A customer's notifications, newest first. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One statement: the page, the total and the unread count. */
  async list(auth: AuthContext, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows: Array<{ page: NotificationRow[] | null; total: string; unread: string }> =
      await this.db.query(
        `SELECT (SELECT json_agg(x ORDER BY x.created_at DESC, x.id) FROM (
                   SELECT n.id, n.kind, n.params, n.contract_id, c.number AS contract_number,
                          n.created_at, n.read_at IS NOT NULL AS read
                     FROM notifications n LEFT JOIN contracts c ON c.id = n.contract_id
                    WHERE n.customer_id = $1 AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
                    ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4) x) AS page,
                (SELECT count(*) FROM notifications n WHERE n.customer_id = $1
                    AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)) AS total,
                (SELECT count(*) FROM notifications n WHERE n.customer_id = $1
                    AND n.read_at IS NULL) AS unread`,
        [auth.userId, query.unread ?? false, pageSize, (page - 1) * pageSize],
      );
    const r = rows[0]!;
    return {
      items: (r.page ?? []).map(toNotification),
      total: Number(r.total),
      unread: Number(r.unread),
      page,
      pageSize,
    };
  }

  /** Marks mine read: the given ones, or all. Others' ids are ignored (nothing leaks). */
  async markRead(auth: AuthContext, body: MarkReadDto): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET read_at = now()
        WHERE customer_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [auth.userId, body.ids ?? null],
    );
  }
}
