import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel, NotificationKind } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import type { StaffNoticeKind } from './staff-notice.entity';

/** A delivery a poller claimed, with what its message is made of. */
export interface ClaimedDelivery {
  id: string;
  channel: NotificationChannel;
  address: string;
  attempts: number;
  /** A notification (a customer's or a staff member's), or else a staff notice (`staff_kind`). */
  kind: NotificationKind | null;
  params: Record<string, string | null>;
  contract_id: string | null;
  /** The chat a chat notification is about. */
  chat_id: string | null;
  /** Whom a notification is for. */
  recipient: 'customer' | 'staff' | null;
  full_name: string;
  staff_kind: StaffNoticeKind | null;
  staff_recipient_id: string | null;
}

/** See `DeliveryRepository.chatState`. */
export interface ChatDeliveryState {
  read: boolean;
  removed: boolean;
  unread_since: Date | null;
  last_sent_at: Date | null;
}

/**
 * The `notification_deliveries` outbox as its poller works it. Each statement is its own short
 * transaction; the attempt number a row was claimed with fences every later write to it.
 */
@Injectable()
export class DeliveryRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * Takes up to `limit` due rows (`FOR UPDATE SKIP LOCKED`: never one another poller holds),
   * counting the attempt and leasing them until `leaseUntil`.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.db.query<ClaimedDelivery>(
      sql`WITH due AS (
         SELECT id FROM notification_deliveries
          WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
          ORDER BY next_attempt_at NULLS FIRST, created_at, id
          LIMIT ${limit} FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE notification_deliveries d SET attempts = d.attempts + 1,
                next_attempt_at = ${leaseUntil}
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.notification_id, d.staff_notice_id, d.channel, d.address, d.attempts
       )
       SELECT c.id, c.channel, c.address, c.attempts, n.kind,
              COALESCE(n.params, sn.params) AS params, n.contract_id, n.chat_id,
              CASE WHEN n.customer_id IS NOT NULL THEN 'customer'
                   WHEN n.staff_user_id IS NOT NULL THEN 'staff' END AS recipient,
              COALESCE(cu.full_name, nsu.full_name, su.full_name, '') AS full_name,
              sn.kind AS staff_kind, sn.recipient_id AS staff_recipient_id
         FROM claimed c
         LEFT JOIN notifications n ON n.id = c.notification_id
         LEFT JOIN customers cu ON cu.id = n.customer_id
         LEFT JOIN staff_users nsu ON nsu.id = n.staff_user_id
         LEFT JOIN staff_notices sn ON sn.id = c.staff_notice_id
         LEFT JOIN staff_users su ON su.id = sn.recipient_id
        ORDER BY c.id`,
    );
  }

  /**
   * Where a claimed delivery of a chat's new messages stands now: its notification read in the
   * cabinet, the person no longer in the chat, since when something the others wrote is unread
   * for them in the chat (null: nothing), and when the last e-mail or SMS on this channel about
   * this chat went to them.
   */
  async chatState(id: string): Promise<ChatDeliveryState | undefined> {
    const rows = await this.db.query<ChatDeliveryState>(
      sql`SELECT n.read_at IS NOT NULL AS read,
                 (p.id IS NULL OR p.removed_at IS NOT NULL) AS removed,
                 unread.since AS unread_since, last.sent_at AS last_sent_at
            FROM notification_deliveries d
            JOIN notifications n ON n.id = d.notification_id
            LEFT JOIN chat_participants p
              ON p.chat_id = n.chat_id
             AND (p.customer_id = n.customer_id OR p.staff_user_id = n.staff_user_id)
            LEFT JOIN LATERAL (
              SELECT min(m.created_at) AS since FROM chat_messages m
               WHERE m.chat_id = n.chat_id AND m.id > p.last_read_id AND m.kind = 'text'
                 AND m.author_customer_id IS DISTINCT FROM n.customer_id
                 AND m.author_staff_id IS DISTINCT FROM n.staff_user_id
            ) unread ON true
            LEFT JOIN LATERAL (
              SELECT max(od.sent_at) AS sent_at
                FROM notifications o JOIN notification_deliveries od ON od.notification_id = o.id
               WHERE o.kind = 'chat_message' AND o.chat_id = n.chat_id
                 AND (o.customer_id = n.customer_id OR o.staff_user_id = n.staff_user_id)
                 AND od.channel = d.channel AND od.status = 'sent'
            ) last ON true
           WHERE d.id = ${id}`,
    );
    return rows[0];
  }

  /** Not yet: a claimed row is due again at `at`, the attempt not counted. */
  async postpone(id: string, attempts: number, at: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE notification_deliveries SET attempts = attempts - 1, next_attempt_at = ${at}
           WHERE id = ${id} AND attempts = ${attempts} AND status = 'pending'`,
    );
  }

  /** Gives back a claimed row unsent: due again at once, the attempt not counted. */
  async release(id: string, attempts: number): Promise<void> {
    await this.db.query(
      sql`UPDATE notification_deliveries SET attempts = attempts - 1, next_attempt_at = NULL
           WHERE id = ${id} AND attempts = ${attempts} AND status = 'pending'`,
    );
  }

  /** This attempt failed: tried again at `next`. */
  async retryAt(id: string, attempts: number, error: string, next: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE notification_deliveries SET last_error = ${error}, next_attempt_at = ${next}
           WHERE id = ${id} AND attempts = ${attempts} AND status = 'pending'`,
    );
  }

  /** The outcome, unless the row has moved on since this claim (`attempts` is its fence). */
  async finish(
    id: string,
    attempts: number,
    status: 'sent' | 'failed' | 'skipped',
    error: string | null,
    at: Date,
  ): Promise<void> {
    await this.db.query(
      sql`UPDATE notification_deliveries SET status = ${status}::varchar, last_error = ${error},
              next_attempt_at = NULL,
              sent_at = CASE WHEN ${status}::varchar = 'sent' THEN ${at}::timestamptz END
           WHERE id = ${id} AND attempts = ${attempts} AND status = 'pending'`,
    );
  }
}
