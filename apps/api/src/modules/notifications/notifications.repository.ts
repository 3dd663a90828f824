import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationKind } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { ident, sql, type Db, type Sql } from '../../database/sql';
import type { EventActor } from '../events/domain-events';
import type { NotificationRow } from './notifications.dto';

/** A notification for one customer. */
export interface NewNotification {
  customerId: string;
  /** The contract it is about, if any. */
  contractId: string | null;
  kind: NotificationKind;
  /** The facts the text is made of (see `notification-texts.ts` and the SPA's NotificationItem). */
  params: Record<string, string | null>;
}

/**
 * A chat's news for its participants, customers and staff alike; who exactly is told is decided
 * as it is made, from who takes part then.
 */
export interface NewChatNotification {
  chatId: string;
  kind: Extract<
    NotificationKind,
    'chat_message' | 'approval_requested' | 'approval_decided' | 'approval_revoked'
  >;
  /** Which side of the chat is told. */
  audience: 'customers' | 'staff' | 'everyone';
  /** Who did it: never told of their own doing. */
  actor: EventActor | null;
  /** Only participants who may write (a decision is asked of those who can make it). */
  writersOnly: boolean;
  /**
   * A new message's id (`chat_message`): it goes into the person's unread notification of the
   * chat, and whoever has read it already is not told.
   */
  messageId: string | null;
  /** The event's facts; the chat's number, contract number and the actor's name are added. */
  params: Record<string, string | null>;
  /** When it happened (the notification's time); the transaction's start when null. */
  at: Date | null;
  /** E-mail and SMS are due this long after `at` (a message's quiet period); 0: at once. */
  delayMs: number;
}

export type AnyNewNotification = NewNotification | NewChatNotification;

/** Whose notifications: a customer's or a staff member's. */
export interface Recipient {
  kind: 'customer' | 'staff';
  id: string;
}

/** A page of a person's notifications with the counts, as one row. */
export interface NotificationPageRow {
  page: NotificationRow[] | null;
  total: string;
  unread: string;
}

/** How long a chat's e-mail or SMS waits after the last one on the same channel. */
const CHAT_DELIVERY_GAP = '1 hour';

/** `alias`'s rows that are the recipient's. */
function whose(alias: string, r: Recipient): Sql {
  return r.kind === 'customer'
    ? sql`${ident(alias)}.customer_id = ${r.id}`
    : sql`${ident(alias)}.staff_user_id = ${r.id}`;
}

/**
 * `notifications` (and, as they are made, their `notification_deliveries`): made by the
 * notifications consumer from domain events and by the payment-notice job. No Nest here, so
 * tests and tools build it over a bare `pg` pool; the module provides it with a factory.
 */
export class NotificationsRepository extends Repository {
  constructor(db: Db) {
    super(db);
  }

  /**
   * The one way notifications are made (a test fails on an `INSERT INTO notifications` anywhere
   * else), with, in the same statement and so the same transaction, their deliveries: one per
   * channel the person wants this kind on (a customer's settings over the defaults, as
   * `mergedSettings` reads them; staff: the defaults) and has an address for in 1C's data.
   * Archived customers and inactive staff get none. A customer's are inserted in this order;
   * then the chats' (`createForChats`).
   */
  async create(items: readonly AnyNewNotification[]): Promise<void> {
    const direct = items.filter((n): n is NewNotification => !('chatId' in n));
    const chats = items.filter((n): n is NewChatNotification => 'chatId' in n);
    if (direct.length) await this.createForCustomers(direct);
    if (chats.length) await this.createForChats(chats);
  }

  private async createForCustomers(items: readonly NewNotification[]): Promise<void> {
    const input = JSON.stringify(
      items.map((n, ord) => ({
        ord,
        customer_id: n.customerId,
        contract_id: n.contractId,
        kind: n.kind,
        params: n.params,
      })),
    );
    await this.db.query(
      sql`WITH input AS (
       SELECT * FROM jsonb_to_recordset(${input}::jsonb)
                AS x(ord int, customer_id uuid, contract_id uuid, kind text, params jsonb)
     ), created AS (
       -- Only about people and contracts that exist: a consumer catching up on old events must
       -- not stall on one whose customer or contract is gone (1C archives, but a database can
       -- be emptied by hand); there is no one left to tell.
       INSERT INTO notifications (customer_id, contract_id, kind, params)
       SELECT i.customer_id, i.contract_id, i.kind, i.params FROM input i
        WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id)
          AND (i.contract_id IS NULL OR EXISTS (SELECT 1 FROM contracts k WHERE k.id = i.contract_id))
        ORDER BY i.ord
       RETURNING id, customer_id, kind
     )
     INSERT INTO notification_deliveries (notification_id, channel, address)
     SELECT n.id, ch.channel, ch.address
       FROM created n
       JOIN customers cu ON cu.id = n.customer_id AND cu.archived_at IS NULL
       CROSS JOIN LATERAL (VALUES ('email', NULLIF(btrim(cu.email), '')),
                                  ('sms', NULLIF(btrim(cu.phone), ''))) AS ch(channel, address)
      WHERE ch.address IS NOT NULL
        AND COALESCE(CASE cu.notification_settings -> n.kind -> ch.channel
                       WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END,
                     (${JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS)}::jsonb -> n.kind -> ch.channel)
                       = 'true'::jsonb, false)`,
    );
  }

  /**
   * A chat's news, one statement. Told: the chat's participants now (not removed) on the
   * audience's side, but the actor; inactive staff are not; a decision is asked only of those who
   * may write; a message only of those who have not read it already.
   *
   * New messages **collapse**: a person has at most one unread `chat_message` row per chat (a
   * unique index says so). News goes into it — its `count` goes on, its facts and time become the
   * latest message's — while they have not read past its last message in the chat; once they
   * have, it starts again from 1. So a burst of messages is one line in the centre, not fifty.
   *
   * Its e-mail and SMS are due after the quiet period (`delayMs`) from the first message that
   * needed one, and never within an hour of the last one sent on that channel about this chat to
   * this person. A row that has one pending on a channel gets no second one: the one pending
   * tells the latest count when it goes. When it is due the poller checks that something is
   * still unread (see `NotificationDeliveryService`). Approvals go at once, one row each.
   */
  private async createForChats(items: readonly NewChatNotification[]): Promise<void> {
    const input = JSON.stringify(
      items.map((n, ord) => ({
        ord,
        chat_id: n.chatId,
        kind: n.kind,
        params: n.params,
        audience: n.audience,
        actor_kind: n.actor?.kind ?? null,
        actor_id: n.actor?.id ?? null,
        writers_only: n.writersOnly,
        message_id: n.messageId,
        at: n.at?.toISOString() ?? null,
        delay_ms: Math.max(0, Math.round(n.delayMs)),
      })),
    );
    await this.db.query(
      sql`WITH input AS (
       SELECT * FROM jsonb_to_recordset(${input}::jsonb)
                AS x(ord int, chat_id uuid, kind text, params jsonb, audience text,
                     actor_kind text, actor_id uuid, writers_only boolean, message_id bigint,
                     at timestamptz, delay_ms int)
     ), told AS (
       -- One row per item and person told (a chat that is gone tells nobody).
       SELECT i.ord, i.kind, i.chat_id, p.customer_id, p.staff_user_id, p.last_read_id,
              COALESCE(i.at, now()) AS at, i.delay_ms,
              i.params || jsonb_build_object(
                'chatId', ch.id::text, 'chatNumber', ch.number::text, 'chatTitle', ch.title,
                'contractNumber', k.number, 'actor', COALESCE(acu.full_name, asu.full_name)
              ) AS params
         FROM input i
         JOIN chats ch ON ch.id = i.chat_id
         LEFT JOIN contracts k ON k.id = ch.contract_id
         LEFT JOIN customers acu ON i.actor_kind = 'customer' AND acu.id = i.actor_id
         LEFT JOIN staff_users asu ON i.actor_kind = 'staff' AND asu.id = i.actor_id
         JOIN chat_participants p ON p.chat_id = i.chat_id AND p.removed_at IS NULL
         LEFT JOIN staff_users su ON su.id = p.staff_user_id
        WHERE CASE i.audience WHEN 'customers' THEN p.customer_id IS NOT NULL
                              WHEN 'staff' THEN p.staff_user_id IS NOT NULL
                              ELSE true END
          AND (i.actor_kind IS DISTINCT FROM 'customer' OR p.customer_id IS DISTINCT FROM i.actor_id)
          AND (i.actor_kind IS DISTINCT FROM 'staff' OR p.staff_user_id IS DISTINCT FROM i.actor_id)
          AND (p.staff_user_id IS NULL OR su.active)
          AND (NOT i.writers_only OR NOT p.read_only)
          AND (i.message_id IS NULL OR p.last_read_id < i.message_id)
     ), grouped AS (
       -- Messages of one chat in this batch: one row per person, with the latest one's facts.
       SELECT min(ord) AS ord, kind, chat_id, customer_id, staff_user_id,
              max(last_read_id) AS last_read_id, count(*)::int AS n,
              min(at) AS first_at, max(at) AS last_at, max(delay_ms) AS delay_ms,
              (array_agg(params ORDER BY ord DESC))[1] AS params
         FROM told
        GROUP BY kind, chat_id, customer_id, staff_user_id,
                 CASE WHEN kind = 'chat_message' THEN -1 ELSE ord END
     ), targets AS (
       -- The person's unread row of the chat, if any, and the count it carries on with.
       SELECT g.*, n.id AS existing_id,
              CASE WHEN g.last_read_id < (n.params ->> 'messageId')::bigint
                   THEN COALESCE((n.params ->> 'count')::int, 1) ELSE 0 END AS carried
         FROM grouped g
         LEFT JOIN notifications n
           ON g.kind = 'chat_message' AND n.kind = 'chat_message' AND n.read_at IS NULL
          AND n.chat_id = g.chat_id
          AND (n.customer_id = g.customer_id OR n.staff_user_id = g.staff_user_id)
     ), updated AS (
       UPDATE notifications n
          SET params = t.params || jsonb_build_object('count', (t.carried + t.n)::text),
              created_at = t.last_at
         FROM targets t WHERE n.id = t.existing_id
       RETURNING n.id, n.kind, n.chat_id, n.customer_id, n.staff_user_id
     ), inserted AS (
       INSERT INTO notifications (customer_id, staff_user_id, chat_id, kind, params, created_at)
       SELECT customer_id, staff_user_id, chat_id, kind,
              CASE WHEN kind = 'chat_message'
                   THEN params || jsonb_build_object('count', n::text) ELSE params END,
              last_at
         FROM targets WHERE existing_id IS NULL
        ORDER BY ord
       RETURNING id, kind, chat_id, customer_id, staff_user_id
     ), made AS (
       SELECT * FROM updated UNION ALL SELECT * FROM inserted
     )
     INSERT INTO notification_deliveries (notification_id, channel, address, next_attempt_at)
     SELECT m.id, ch.channel, ch.address,
            CASE WHEN m.kind = 'chat_message'
                 THEN greatest(t.first_at + make_interval(secs => t.delay_ms / 1000.0),
                               last.sent_at + ${CHAT_DELIVERY_GAP}::interval) END
       FROM made m
       LEFT JOIN targets t
         ON m.kind = 'chat_message' AND t.kind = 'chat_message' AND t.chat_id = m.chat_id
        AND (t.customer_id = m.customer_id OR t.staff_user_id = m.staff_user_id)
       LEFT JOIN customers cu ON cu.id = m.customer_id
       LEFT JOIN staff_users su ON su.id = m.staff_user_id
       CROSS JOIN LATERAL (VALUES ('email', NULLIF(btrim(COALESCE(cu.email, su.email)), '')),
                                  ('sms', NULLIF(btrim(COALESCE(cu.phone, su.phone)), '')))
                  AS ch(channel, address)
       LEFT JOIN LATERAL (
         SELECT max(d.sent_at) AS sent_at
           FROM notifications o JOIN notification_deliveries d ON d.notification_id = o.id
          WHERE m.kind = 'chat_message' AND o.kind = 'chat_message' AND o.chat_id = m.chat_id
            AND (o.customer_id = m.customer_id OR o.staff_user_id = m.staff_user_id)
            AND d.channel = ch.channel AND d.status = 'sent'
       ) last ON true
      WHERE ch.address IS NOT NULL
        AND (cu.id IS NULL OR cu.archived_at IS NULL)
        AND (su.id IS NULL OR su.active)
        AND COALESCE(CASE cu.notification_settings -> m.kind -> ch.channel
                       WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END,
                     (${JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS)}::jsonb -> m.kind -> ch.channel)
                       = 'true'::jsonb, false)
     ON CONFLICT (notification_id, channel) WHERE status = 'pending' DO NOTHING`,
    );
  }

  /** One statement: a page of the person's notifications (newest first), the total, the unread. */
  async page(o: {
    recipient: Recipient;
    unreadOnly: boolean;
    limit: number;
    offset: number;
  }): Promise<NotificationPageRow> {
    const mine = whose('n', o.recipient);
    const rows = await this.db.query<NotificationPageRow>(
      sql`SELECT (SELECT json_agg(x ORDER BY x.created_at DESC, x.id) FROM (
                   SELECT n.id, n.kind, n.params, n.contract_id, c.number AS contract_number,
                          n.chat_id, n.created_at, n.read_at IS NOT NULL AS read
                     FROM notifications n LEFT JOIN contracts c ON c.id = n.contract_id
                    WHERE ${mine}
                      AND (${o.unreadOnly}::boolean IS NOT TRUE OR n.read_at IS NULL)
                    ORDER BY n.created_at DESC, n.id LIMIT ${o.limit} OFFSET ${o.offset}) x) AS page,
                (SELECT count(*) FROM notifications n WHERE ${mine}
                    AND (${o.unreadOnly}::boolean IS NOT TRUE OR n.read_at IS NULL)) AS total,
                (SELECT count(*) FROM notifications n WHERE ${mine}
                    AND n.read_at IS NULL) AS unread`,
    );
    return rows[0]!;
  }

  /** Marks the person's unread notifications read: these (`ids`), or all (null). */
  async markRead(recipient: Recipient, ids: string[] | null): Promise<void> {
    await this.db.query(
      sql`UPDATE notifications n SET read_at = now()
           WHERE ${whose('n', recipient)} AND n.read_at IS NULL
             AND (${ids}::uuid[] IS NULL OR n.id = ANY(${ids}::uuid[]))`,
    );
  }

  /**
   * Marks the person's unread news of a chat read (a new message's collapsed row): they have
   * read the chat itself to its end. Approval requests stay until they are decided or opened.
   */
  async markChatRead(recipient: Recipient, chatId: string): Promise<void> {
    await this.db.query(
      sql`UPDATE notifications n SET read_at = now()
           WHERE ${whose('n', recipient)} AND n.read_at IS NULL
             AND n.chat_id = ${chatId} AND n.kind = 'chat_message'`,
    );
  }
}
