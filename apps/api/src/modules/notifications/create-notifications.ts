import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationKind } from '@kabinet/shared';
import { sql, type Db } from '../../database/sql';

export interface NewNotification {
  customerId: string;
  /** The contract it is about, if any. */
  contractId: string | null;
  kind: NotificationKind;
  /** The facts the text is made of (see `notification-texts.ts` and the SPA's NotificationItem). */
  params: Record<string, string | null>;
}

/**
 * The one way notifications are made (a test fails on an `INSERT INTO notifications` anywhere
 * else): inserts them and, in the same statement and so the same transaction, their deliveries,
 * one per channel the customer wants this kind on (their settings over the defaults, as
 * `mergedSettings` reads them) and has an address for in 1C's data. Archived customers get none.
 */
export async function createNotifications(
  // The transaction of the change they tell about (in the API or the slim import process).
  tx: Db,
  items: NewNotification[],
): Promise<void> {
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
  await tx.query(
    sql`WITH input AS (
       SELECT * FROM jsonb_to_recordset(${input}::jsonb)
                AS x(ord int, customer_id uuid, contract_id uuid, kind text, params jsonb)
     ), created AS (
       INSERT INTO notifications (customer_id, contract_id, kind, params)
       SELECT customer_id, contract_id, kind, params FROM input ORDER BY ord
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
