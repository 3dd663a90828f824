import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDatabase, sql, type Database, type Db, type Sql } from '../src/database/sql';
import { appendEvents, EventBuffer } from '../src/modules/events/append-events';
import type { DomainEvent, StoredEvent } from '../src/modules/events/domain-events';
import { EventDispatcher, type EventConsumer } from '../src/modules/events/event-dispatcher';
import { EventsRepository } from '../src/modules/events/events.repository';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import { notificationsFor } from '../src/modules/notifications/notifications.consumer';
import type { NewNotification } from '../src/modules/notifications/notifications.repository';
import { createTestDatabase, startTestApp, type TestApp } from './helpers';
import { waitFor } from './wait';

const SOMEONE = '00000000-0000-4000-8000-000000000001';

/** An event told apart by its `tag` (the request id). */
const event = (tag: string): DomainEvent => ({
  type: 'change_request.resolved',
  source: 'api',
  customerId: SOMEONE,
  payload: { requestId: tag, field: 'email', status: 'done', resolution: null },
});
const tagOf = (e: StoredEvent) => (e.type === 'change_request.resolved' ? e.payload.requestId : '');

/** A consumer that notes the tags (starting with `prefix`) of the events it gets. */
function recorder(name: string, prefix: string, fromStart = false) {
  const seen: string[] = [];
  const consumer: EventConsumer = {
    name,
    fromStart,
    handle: async (_tx, events) => {
      seen.push(...events.map(tagOf).filter((t) => t.startsWith(prefix)));
    },
  };
  return { consumer, seen };
}

/** One connection of its own as a Db, for transactions the test opens and commits by hand. */
const clientDb = (c: Client): Db => ({
  query: async <T>(s: Sql) => (await c.query(s.text, s.values)).rows as T[],
});

describe('domain events', () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: Pool;
  let db: Database;
  const dispatchers: EventDispatcher[] = [];
  /** A dispatcher on the test database: no poll to speak of, a short backoff. */
  const dispatcher = (options: { pollMs?: number } = {}) => {
    const d = new EventDispatcher(new EventsRepository(db), db, url, {
      pollMs: 3_600_000,
      retryBaseMs: 10,
      maxRetryMs: 100,
      ...options,
    });
    dispatchers.push(d);
    return d;
  };
  const append = (...tags: string[]) => db.transaction((tx) => appendEvents(tx, tags.map(event)));
  const connect = async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    return c;
  };

  beforeAll(async () => {
    // A consumer's failures are logged (warnings); tests that make them on purpose stay quiet.
    if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);
    ({ url, drop } = await createTestDatabase());
    pool = new Pool({ connectionString: url, max: 8 });
    db = pgDatabase(pool);
    await db.query(sql`CREATE TABLE test_effects (consumer text, tag text)`);
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await pool.end();
    await drop();
  });

  it('never delivers events of a transaction that rolled back', async () => {
    const d = dispatcher();
    const r = recorder('rollback', 'rb-');
    d.register(r.consumer);
    await d.drain();
    await expect(
      db.transaction(async (tx) => {
        await appendEvents(tx, [event('rb-gone')]);
        throw new Error('changed our mind');
      }),
    ).rejects.toThrow('changed our mind');
    await append('rb-kept');
    await d.drain();
    expect(r.seen).toEqual(['rb-kept']);
  });

  it('starts a new consumer after the last event, or at the first when it wants history', async () => {
    await append('hist-1');
    const d = dispatcher();
    const fresh = recorder('fresh', 'hist-');
    const historian = recorder('historian', 'hist-', true);
    d.register(fresh.consumer);
    d.register(historian.consumer);
    await d.drain();
    await append('hist-2');
    await d.drain();
    expect(fresh.seen).toEqual(['hist-2']);
    expect(historian.seen).toEqual(['hist-1', 'hist-2']);
  });

  it('skips no event of a transaction that commits late: the append lock keeps ids in commit order', async () => {
    const d = dispatcher();
    const r = recorder('late', 'late-');
    d.register(r.consumer);
    await d.drain();
    const [c1, c2] = [await connect(), await connect()];
    try {
      // T1 appends (id n) and stays open; T2 appends after it and must wait for T1's end.
      await c1.query('BEGIN');
      await appendEvents(clientDb(c1), [event('late-t1')]);
      await c2.query('BEGIN');
      const t2 = appendEvents(clientDb(c2), [event('late-t2')]);
      await waitFor('T2 to wait for the append lock', async () => {
        const rows = await db.query<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        return rows[0]!.n > 0 || undefined;
      });
      await d.drain();
      expect(r.seen).toEqual([]);
      await c1.query('COMMIT');
      await t2; // T2's id is taken only now, after T1 is visible
      await d.drain();
      expect(r.seen).toEqual(['late-t1']);
      await c2.query('COMMIT');
      await d.drain();
      expect(r.seen).toEqual(['late-t1', 'late-t2']);

      // Without the lock (a bare INSERT, which nothing in the app does) the late event is lost:
      // T2 takes a larger id, commits first, the consumer moves past T1's id before T1 commits.
      const bare = (c: Client, tag: string) =>
        c.query(
          `INSERT INTO domain_events (type, customer_id, payload, source)
           VALUES ('change_request.resolved', $1, $2, 'api')`,
          [SOMEONE, JSON.stringify(event(tag).payload)],
        );
      await c1.query('BEGIN');
      await bare(c1, 'late-bare-t1');
      await c2.query('BEGIN');
      await bare(c2, 'late-bare-t2');
      await c2.query('COMMIT');
      await d.drain();
      await c1.query('COMMIT');
      await d.drain();
      expect(r.seen).toEqual(['late-t1', 'late-t2', 'late-bare-t2']);
    } finally {
      await c1.end();
      await c2.end();
    }
  });

  it('retries a consumer that fails, without holding up the others; its writes commit once', async () => {
    const d = dispatcher();
    let failing = true;
    let attempts = 0;
    const flaky: EventConsumer = {
      name: 'flaky',
      handle: async (tx, events) => {
        attempts++;
        for (const e of events.filter((e) => tagOf(e).startsWith('retry-'))) {
          await tx.query(sql`INSERT INTO test_effects VALUES ('flaky', ${tagOf(e)})`);
        }
        if (failing) throw new Error('flaky is down');
      },
    };
    const steady = recorder('steady', 'retry-');
    d.register(flaky);
    d.register(steady.consumer);
    await d.drain();
    await d.start();
    await append('retry-1');
    await waitFor('steady to get retry-1', () => steady.seen.includes('retry-1') || undefined);
    await waitFor('flaky to be tried again', () => attempts >= 3 || undefined);
    await append('retry-2');
    await waitFor('steady to get retry-2', () => steady.seen.includes('retry-2') || undefined);
    const effects = () =>
      db.query<{ tag: string }>(sql`SELECT tag FROM test_effects WHERE consumer = 'flaky'`);
    // Every failed try rolled back with its batch.
    expect(await effects()).toEqual([]);
    failing = false;
    await waitFor('flaky to catch up', async () =>
      (await effects()).length >= 2 ? true : undefined,
    );
    await d.drain();
    expect((await effects()).map((e) => e.tag)).toEqual(['retry-1', 'retry-2']);
    expect(steady.seen).toEqual(['retry-1', 'retry-2']);
  });

  it('never hands one consumer the same events twice, or two batches at once, on two dispatchers', async () => {
    let active = 0;
    let overlapped = false;
    const handled: bigint[] = [];
    const shared = (): EventConsumer => ({
      name: 'shared',
      handle: async (_tx, events) => {
        active++;
        if (active > 1) overlapped = true;
        await sleep(2); // give the other dispatcher every chance to step in
        handled.push(
          ...events.filter((e) => tagOf(e).startsWith('pair-')).map((e) => BigInt(e.id)),
        );
        active--;
      },
    });
    const [a, b] = [dispatcher(), dispatcher()];
    a.register(shared());
    b.register(shared());
    await a.drain();
    await Promise.all([a.start(), b.start()]);
    // 100 events: their ids pass 99 (the order is by number, not by text).
    const tags = Array.from({ length: 50 }, (_, i) => i);
    await Promise.all(tags.map((i) => append(`pair-${i}a`, `pair-${i}b`)));
    await waitFor('all 100 events handled', () => handled.length >= 100 || undefined);
    await Promise.all([a.drain(), b.drain()]);
    expect(overlapped).toBe(false);
    expect(handled).toHaveLength(100);
    // In id order, each once.
    expect(handled.every((id, i) => i === 0 || id > handled[i - 1]!)).toBe(true);
  });

  it('wakes on NOTIFY: an event appended by another process arrives without waiting for the poll', async () => {
    const d = dispatcher({ pollMs: 3_600_000 });
    const r = recorder('woken', 'notify-');
    d.register(r.consumer);
    await d.drain();
    await d.start();
    await waitFor('the dispatcher to listen', async () => {
      const rows = await db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE application_name = 'kabinet-events' AND query = 'LISTEN domain_events'`,
      );
      return rows[0]!.n > 0 || undefined;
    });
    // A plain pg client, as the import process is.
    const outside = await connect();
    try {
      await outside.query('BEGIN');
      await appendEvents(clientDb(outside), [event('notify-1')]);
      await outside.query('COMMIT');
    } finally {
      await outside.end();
    }
    await waitFor('the event to arrive', () => r.seen.includes('notify-1') || undefined, {
      timeoutMs: 30_000,
    });
    expect(r.seen).toEqual(['notify-1']);
  });

  it('stages a long transaction’s events and appends them in order at its end', async () => {
    const d = dispatcher();
    const r = recorder('staged', 'stage-');
    d.register(r.consumer);
    await d.drain();
    const tags = (run: number) => Array.from({ length: 10 }, (_, i) => `stage-${run}-${i}`);
    // Twice on one connection (as the import process runs its prepared statements): the second
    // transaction stages into a new temporary table.
    const one = new Pool({ connectionString: url, max: 1 });
    const importer = pgDatabase(one);
    for (const run of [1, 2]) {
      await importer.transaction(async (tx) => {
        const buffer = new EventBuffer(3); // past three events, to the temporary table
        for (const tag of tags(run)) await buffer.stage(tx, event(tag));
        expect(buffer.size).toBe(10);
        await d.drain();
        expect(r.seen).toEqual(run === 1 ? [] : tags(1));
        await buffer.flush(tx);
      });
    }
    await one.end();
    await d.drain();
    expect(r.seen).toEqual([...tags(1), ...tags(2)]);
  });
});

describe('the notifications consumer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('makes the notifications the importer and change requests made directly for the same changes', async () => {
    const [c] = await t.sql<{ id: string; customer_id: string; number: string }>(
      `SELECT id, customer_id, number FROM contracts WHERE number = 'РМ-000017'`,
    );
    const about = { contractId: c!.id, customerId: c!.customer_id, source: 'import' as const };
    const events: DomainEvent[] = [
      {
        ...about,
        type: 'contract.changed',
        payload: {
          change: 'added',
          number: c!.number,
          status: 'Новый',
          previousStatus: null,
          scheduleChanged: false,
        },
      },
      {
        ...about,
        type: 'contract.changed',
        payload: {
          change: 'updated',
          number: c!.number,
          status: 'В работе',
          previousStatus: 'Новый',
          scheduleChanged: true,
        },
      },
      {
        ...about,
        type: 'contract.changed',
        payload: {
          change: 'updated',
          number: c!.number,
          status: 'В работе',
          previousStatus: null,
          scheduleChanged: false,
        },
      },
      {
        ...about,
        type: 'contract.changed',
        payload: {
          change: 'archived',
          number: c!.number,
          status: 'В работе',
          previousStatus: null,
          scheduleChanged: true,
        },
      },
      {
        ...about,
        type: 'payment.recorded',
        payload: {
          paymentId: 'pay-1',
          paymentNumber: 'ПКО-1',
          contractNumber: c!.number,
          amount: '15000.50',
          currency: 'RUB',
          date: '2026-11-20',
        },
      },
      {
        ...about,
        type: 'document.added',
        payload: {
          documentId: 'doc-1',
          kind: 'act',
          title: 'Акт',
          number: '1',
          date: '2026-11-20',
          fileName: 'act.pdf',
        },
      },
      {
        type: 'change_request.resolved',
        source: 'api',
        customerId: c!.customer_id,
        payload: { requestId: 'r-1', field: 'email', status: 'rejected', resolution: 'Нет' },
      },
      {
        type: 'change_request.resolved',
        source: 'api',
        customerId: c!.customer_id,
        payload: { requestId: 'r-2', field: 'phone', status: 'done', resolution: null },
      },
    ];
    // What the importer and change requests made directly (before events) for these changes.
    const expected: NewNotification[] = [
      {
        customerId: c!.customer_id,
        contractId: c!.id,
        kind: 'contract_added',
        params: { number: c!.number, status: 'Новый' },
      },
      {
        customerId: c!.customer_id,
        contractId: c!.id,
        kind: 'contract_status',
        params: { number: c!.number, status: 'В работе', previous: 'Новый' },
      },
      {
        customerId: c!.customer_id,
        contractId: c!.id,
        kind: 'schedule_changed',
        params: { number: c!.number },
      },
      {
        customerId: c!.customer_id,
        contractId: c!.id,
        kind: 'payment_received',
        params: { number: c!.number, amount: '15000.50', currency: 'RUB', date: '2026-11-20' },
      },
      {
        customerId: c!.customer_id,
        contractId: null,
        kind: 'profile_request',
        params: { field: 'email', status: 'rejected', resolution: 'Нет' },
      },
      {
        customerId: c!.customer_id,
        contractId: null,
        kind: 'profile_request',
        params: { field: 'phone', status: 'done', resolution: null },
      },
    ];
    expect(notificationsFor(events)).toEqual(expected);

    // The rows (with their deliveries) made directly, then those the consumer makes.
    const made = async (since: string[]) =>
      t.sql<Record<string, unknown>>(
        `SELECT n.customer_id, n.contract_id, n.kind, n.params, n.read_at,
                (SELECT array_agg(d.channel || ':' || d.address || ':' || d.status
                                  ORDER BY d.channel)
                   FROM notification_deliveries d WHERE d.notification_id = n.id) AS deliveries
           FROM notifications n WHERE NOT (n.id = ANY($1::uuid[]))
          ORDER BY n.kind, n.params::text`,
        [since],
      );
    const ids = async () =>
      (await t.sql<{ id: string }>(`SELECT id FROM notifications`)).map((r) => r.id);
    const before = await ids();
    const pool = new Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      const direct = pgDatabase(pool);
      await direct.transaction((tx) => new NotificationsRepository(tx).create(expected));
      const byCreate = await made(before);
      expect(byCreate).toHaveLength(6);
      const afterCreate = await ids();

      const dispatcher = t.app.get(EventDispatcher);
      await direct.transaction((tx) => appendEvents(tx, events));
      await dispatcher.drain();
      expect(await made(afterCreate)).toEqual(byCreate);
    } finally {
      await pool.end();
    }
  });

  it('passes over an event whose customer is gone and goes on with the next', async () => {
    const [c] = await t.sql<{ id: string; customer_id: string; number: string }>(
      `SELECT id, customer_id, number FROM contracts WHERE number = 'ГМ-000112'`,
    );
    const answered = (customerId: string, requestId: string): DomainEvent => ({
      type: 'change_request.resolved',
      source: 'api',
      customerId,
      payload: { requestId, field: 'email', status: 'rejected', resolution: requestId },
    });
    const pool = new Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      await pgDatabase(pool).transaction((tx) =>
        appendEvents(tx, [
          answered('00000000-0000-4000-8000-0000000000ff', 'nobody'),
          answered(c!.customer_id, 'somebody'),
        ]),
      );
    } finally {
      await pool.end();
    }
    await t.settle(); // rejects if the consumer failed on the first event
    const rows = await t.sql<{ customer_id: string; resolution: string }>(
      `SELECT customer_id, params->>'resolution' AS resolution FROM notifications
        WHERE kind = 'profile_request' AND params->>'resolution' IN ('nobody', 'somebody')`,
    );
    expect(rows).toEqual([{ customer_id: c!.customer_id, resolution: 'somebody' }]);
  });
});
