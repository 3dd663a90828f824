import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADAPTER_NOTIFY,
  batchingNotifies,
  MAX_BATCH,
  statement,
} from '../src/modules/realtime/notify.repository';
import { createTestDatabase } from './helpers';
import { waitFor } from './wait';

/**
 * The socket.io adapter's NOTIFYs, batched (notify.repository.ts), on a real PostgreSQL: a
 * listener gets every one, in the order they were made, repeats included; other statements
 * pass through untouched.
 */
describe('batched adapter notifications', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let listener: Client;
  const got: Array<{ channel: string; payload: string }> = [];
  let statements = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => got.push({ channel: n.channel, payload: n.payload ?? '' }));
    await listener.query('LISTEN "socket.io#/"');
    await listener.query('LISTEN "socket.io#/other"');
    pool = new Pool({ connectionString: db.url, max: 2 });
    pool.on('acquire', () => (statements += 1));
  });
  afterAll(async () => {
    await listener.end();
    await pool.end();
    await db.drop();
  });

  it('delivers every notification once, in order, in far fewer statements, repeats too', async () => {
    const adapterPool = batchingNotifies(pool);
    got.length = 0;
    statements = 0;
    const n = 3 * MAX_BATCH + 7;
    const sent: Array<{ channel: string; payload: string }> = [];
    const calls: Array<Promise<unknown>> = [];
    for (let i = 0; i < n; i += 1) {
      const channel = i % 5 === 0 ? 'socket.io#/other' : 'socket.io#/';
      // Every tenth repeats the one before it exactly: PostgreSQL would fold them into one.
      const payload = JSON.stringify({ i: i % 10 === 9 ? i - 1 : i, type: 'broadcast' });
      sent.push({ channel, payload });
      calls.push(adapterPool.query(ADAPTER_NOTIFY, [channel, payload]));
    }
    await Promise.all(calls);
    await waitFor('every notification', () => (got.length >= n ? true : undefined));
    expect(got).toHaveLength(n);
    expect(got.map((g) => g.channel)).toEqual(sent.map((s) => s.channel));
    expect(got.map((g) => JSON.parse(g.payload) as unknown)).toEqual(
      sent.map((s) => JSON.parse(s.payload) as unknown),
    );
    expect(statements).toBeLessThanOrEqual(Math.ceil(n / MAX_BATCH) + 1);
  });

  it('passes other statements through, and fails the callers of a batch that fails', async () => {
    const adapterPool = batchingNotifies(pool);
    const rows = await adapterPool.query('SELECT 41 + 1 AS answer');
    expect(rows.rows).toEqual([{ answer: 42 }]);
    // A channel name PostgreSQL refuses (empty): that batch's callers hear the error.
    await expect(adapterPool.query(ADAPTER_NOTIFY, ['', 'x'])).rejects.toThrow();
    // The next batch goes on.
    got.length = 0;
    await adapterPool.query(ADAPTER_NOTIFY, ['socket.io#/', 'after']);
    await waitFor('the next one', () => (got.length === 1 ? true : undefined));
    expect(got[0]!.payload).toBe('after');
  });

  it('writes one statement with the calls in order, each payload unique', () => {
    expect(
      statement([
        { channel: 'a', payload: '{"x":1}' },
        { channel: 'a', payload: '{"x":1}' },
        { channel: 'b', payload: '{"x":1}' },
        { channel: 'a', payload: '{"x":1}' },
      ]),
    ).toEqual([
      'SELECT pg_notify($1, $2), pg_notify($3, $4), pg_notify($5, $6), pg_notify($7, $8)',
      ['a', '{"x":1}', 'a', '{"x":1} ', 'b', '{"x":1}', 'a', '{"x":1}  '],
    ]);
  });
});
