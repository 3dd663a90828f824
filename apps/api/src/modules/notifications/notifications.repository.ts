import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationKind } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { sql, type Db } from '../../database/sql';
import type { NotificationRow } from './notifications.dto';

export interface NewNotification {
  customerId: string;
  /** The contract it is about, if any. */
  contractId: string | null;
  kind: NotificationKind;
  /** The facts the text is made of (see `notification-texts.ts` and the SPA's NotificationItem). */
  params: Record<string, string | null>;
}

/** A page of a customer's notifications with the counts, as one row. */
export interface NotificationPageRow {
  page: NotificationRow[] | null;
  total: string;
  unread: string;
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
   * else): inserts them in this order and, in the same statement and so the same transaction,
   * their deliveries, one per channel the customer wants this kind on (their settings over the
   * defaults, as `mergedSettings` reads them) and has an address for in 1C's data. Archived
   * customers get none.
   */
  async create(items: readonly NewNotification[]): Promise<void> {
    if (!items.length) return;
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

  /** One statement: a page of the customer's notifications (newest first), the total, the unread. */
  async page(o: {
    customerId: string;
    unreadOnly: boolean;
    limit: number;
    offset: number;
  }): Promise<NotificationPageRow> {
    const rows = await this.db.query<NotificationPageRow>(
      sql`SELECT (SELECT json_agg(x ORDER BY x.created_at DESC, x.id) FROM (
                   SELECT n.id, n.kind, n.params, n.contract_id, c.number AS contract_number,
                          n.created_at, n.read_at IS NOT NULL AS read
                     FROM notifications n LEFT JOIN contracts c ON c.id = n.contract_id
                    WHERE n.customer_id = ${o.customerId}
                      AND (${o.unreadOnly}::boolean IS NOT TRUE OR n.read_at IS NULL)
                    ORDER BY n.created_at DESC, n.id LIMIT ${o.limit} OFFSET ${o.offset}) x) AS page,
                (SELECT count(*) FROM notifications n WHERE n.customer_id = ${o.customerId}
                    AND (${o.unreadOnly}::boolean IS NOT TRUE OR n.read_at IS NULL)) AS total,
                (SELECT count(*) FROM notifications n WHERE n.customer_id = ${o.customerId}
                    AND n.read_at IS NULL) AS unread`,
    );
    return rows[0]!;
  }

  /** Marks the customer's unread notifications read: these (`ids`), or all (null). */
  async markRead(customerId: string, ids: string[] | null): Promise<void> {
    await this.db.query(
      sql`UPDATE notifications SET read_at = now()
           WHERE customer_id = ${customerId} AND read_at IS NULL
             AND (${ids}::uuid[] IS NULL OR id = ANY(${ids}::uuid[]))`,
    );
  }
}
