import { Repository } from '../../database/repository';
import { sql, type Db } from '../../database/sql';
import type { DomainEvent, DomainEventType, EventSource, StoredEvent } from './domain-events';

/** The channel `appendEvents` notifies on commit and the dispatcher LISTENs to (to wake). */
export const EVENTS_CHANNEL = 'domain_events';

/**
 * The advisory lock appending takes until COMMIT (a fixed key outside the int4 range that
 * `hashtext` keys and the other locks use): "KABEVT".
 */
const APPEND_LOCK = 0x4b_41_42_45_56_54;

/** An event as `domain_events` answers it. */
interface EventRow {
  id: string;
  type: DomainEventType;
  occurred_at: Date;
  contract_id: string | null;
  customer_id: string | null;
  payload: unknown;
  source: EventSource;
}

/** The events as one jsonb parameter (in order), for `jsonb_to_recordset`. */
function asJson(events: readonly DomainEvent[], firstOrd = 0): string {
  return JSON.stringify(
    events.map((e, i) => ({
      ord: firstOrd + i,
      type: e.type,
      occurred_at: e.occurredAt ?? null,
      contract_id: e.contractId ?? null,
      customer_id: e.customerId,
      payload: e.payload,
      source: e.source,
    })),
  );
}

/**
 * `domain_events` and `event_cursors`. No Nest here: the slim import process appends through it
 * over a bare `pg` pool (`pgDatabase`); the API provides it with a factory (events.module.ts).
 *
 * ## Why appending locks
 *
 * A consumer reads `id > position` and moves its position to the last id it handled, so it must
 * never see an id while a smaller one is still to come. But `bigserial` ids are taken at INSERT
 * and transactions commit in another order: T1 takes id 10, T2 takes id 11 and commits, a
 * consumer handles 11, T1 commits — and 10 is skipped for good. So appending takes a
 * transaction-scoped advisory lock (`pg_advisory_xact_lock`) right before its INSERT, held to the
 * end of the transaction: the next appender takes its ids only after this transaction has ended,
 * and PostgreSQL makes a commit visible (ProcArrayEndTransaction) before it releases the
 * transaction's locks. Ids therefore become visible in id order: whoever sees id 11 also sees
 * every smaller id that will ever commit (a rolled-back transaction leaves a gap nobody fills).
 *
 * The price is that appenders commit one at a time, from the append to COMMIT. Hence the rule:
 * **appending is the last thing a transaction does before COMMIT** (in the API: the last
 * statement in `db.transaction(...)`; the long 1C import stages its events as they happen with
 * `EventBuffer` and appends them in one statement at the end). `pg_notify` in the same statement
 * wakes the dispatchers; PostgreSQL delivers it on commit only, and never for a rollback.
 */
export class EventsRepository extends Repository {
  constructor(db: Db) {
    super(db);
  }

  /**
   * Appends `events` in this order, and holds the append lock and notifies until COMMIT: one
   * statement (the lock is taken as the statement runs, before its ids are), so the lock waits
   * for no round trip but the COMMIT's.
   */
  async append(events: readonly DomainEvent[]): Promise<void> {
    if (!events.length) return;
    await this.db.query(
      sql`WITH lock AS MATERIALIZED (
            SELECT pg_advisory_xact_lock(${APPEND_LOCK}::bigint)
          ), input AS (
            SELECT * FROM jsonb_to_recordset(${asJson(events)}::jsonb)
                     AS x(ord int, type text, occurred_at timestamptz, contract_id uuid,
                          customer_id uuid, payload jsonb, source text)
          ), appended AS (
            -- Every row joins the lock's: no id is taken before the lock is held.
            INSERT INTO domain_events (type, occurred_at, contract_id, customer_id, payload, source)
            SELECT type, COALESCE(occurred_at, now()), contract_id, customer_id, payload, source
              FROM input CROSS JOIN lock ORDER BY ord
            RETURNING id
          )
          SELECT pg_notify(${EVENTS_CHANNEL}, '') FROM (SELECT 1 FROM appended LIMIT 1) x`,
    );
  }

  /**
   * Keeps `events` aside in this transaction (a temporary table dropped at COMMIT or ROLLBACK)
   * until `appendStaged`; `firstOrd` continues the order of what was staged before.
   */
  async stage(events: readonly DomainEvent[], firstOrd: number): Promise<void> {
    if (!events.length) return;
    await this.db.query(
      sql`CREATE TEMPORARY TABLE IF NOT EXISTS staged_domain_events (
            ord int NOT NULL, type text NOT NULL, occurred_at timestamptz, contract_id uuid,
            customer_id uuid, payload jsonb NOT NULL, source text NOT NULL
          ) ON COMMIT DROP`,
    );
    await this.db.query(
      sql`INSERT INTO staged_domain_events
          SELECT * FROM jsonb_to_recordset(${asJson(events, firstOrd)}::jsonb)
                   AS x(ord int, type text, occurred_at timestamptz, contract_id uuid,
                        customer_id uuid, payload jsonb, source text)`,
    );
  }

  /** Appends what `stage` kept, in its order, in one statement (and empties the stage). */
  async appendStaged(): Promise<void> {
    await this.lock();
    await this.db.query(
      sql`WITH staged AS (
            DELETE FROM staged_domain_events RETURNING *
          ), appended AS (
            INSERT INTO domain_events (type, occurred_at, contract_id, customer_id, payload, source)
            SELECT type, COALESCE(occurred_at, now()), contract_id, customer_id, payload, source
              FROM staged ORDER BY ord
            RETURNING id
          )
          SELECT pg_notify(${EVENTS_CHANNEL}, '') FROM (SELECT 1 FROM appended LIMIT 1) x`,
    );
  }

  private async lock(): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK}::bigint)`);
  }

  /** The last event's id (0 when there are none). */
  async end(): Promise<string> {
    const rows = await this.db.query<{ end: string }>(
      sql`SELECT COALESCE(max(id), 0)::text AS end FROM domain_events`,
    );
    return rows[0]!.end;
  }

  /**
   * A consumer's cursor, made if it has none: at the first event (`fromStart`) or after the last
   * one there is now.
   */
  async ensureCursor(consumer: string, fromStart: boolean): Promise<void> {
    await this.db.query(
      sql`INSERT INTO event_cursors (consumer, position)
          SELECT ${consumer}, CASE WHEN ${fromStart}::boolean THEN 0
                                   ELSE (SELECT COALESCE(max(id), 0) FROM domain_events) END
          ON CONFLICT (consumer) DO NOTHING`,
    );
  }

  /**
   * The consumer's position, its row locked to the end of the transaction; null when another
   * transaction (on any replica) holds it now.
   */
  async claimCursor(consumer: string): Promise<string | null> {
    const rows = await this.db.query<{ position: string }>(
      sql`SELECT position::text AS position FROM event_cursors
           WHERE consumer = ${consumer} FOR UPDATE SKIP LOCKED`,
    );
    return rows[0]?.position ?? null;
  }

  /** The consumer's position as committed (null: no cursor yet). */
  async position(consumer: string): Promise<string | null> {
    const rows = await this.db.query<{ position: string }>(
      sql`SELECT position::text AS position FROM event_cursors WHERE consumer = ${consumer}`,
    );
    return rows[0]?.position ?? null;
  }

  async advance(consumer: string, position: string): Promise<void> {
    await this.db.query(
      sql`UPDATE event_cursors SET position = ${position}::bigint, updated_at = now()
           WHERE consumer = ${consumer}`,
    );
  }

  /** Up to `limit` events after `position`, in order. */
  async after(position: string, limit: number): Promise<StoredEvent[]> {
    const rows = await this.db.query<EventRow>(
      // `e.id`: the bigint (ordered by `id`, the text column of the answer would sort 10 before 9).
      sql`SELECT e.id::text AS id, e.type, e.occurred_at, e.contract_id, e.customer_id, e.payload,
                 e.source
            FROM domain_events e WHERE e.id > ${position}::bigint ORDER BY e.id LIMIT ${limit}`,
    );
    return rows.map(
      (r) =>
        ({
          id: r.id,
          type: r.type,
          occurredAt: new Date(r.occurred_at),
          contractId: r.contract_id,
          customerId: r.customer_id,
          payload: r.payload,
          source: r.source,
        }) as StoredEvent,
    );
  }
}
