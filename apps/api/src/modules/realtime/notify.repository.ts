// The realtime module's SQL: the socket.io adapter's NOTIFYs, sent in batches.
import type { Pool, QueryResult } from 'pg';

/** The one statement the socket.io PostgreSQL adapter publishes every broadcast with. */
export const ADAPTER_NOTIFY = 'SELECT pg_notify($1, $2)';

/** Notifications sent in one statement at most (and the parameters PostgreSQL takes). */
export const MAX_BATCH = 200;

interface Pending {
  channel: string;
  payload: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Sends the adapter's NOTIFYs in batches: every `pg_notify` asked for while the previous batch
 * is on its way (or in the same tick) goes in the next one, a single statement
 * `SELECT pg_notify($1, $2), pg_notify($3, $4), …` whose expressions PostgreSQL evaluates left
 * to right, so listeners get them in the order they were made — one round trip for many
 * broadcasts instead of one each (the adapter waits for its publish before it emits to the local
 * sockets too). PostgreSQL folds identical notifications of one transaction into one; a repeated
 * payload in a batch gets trailing spaces (still the same JSON) so each is delivered.
 */
export class NotifyBatcher {
  private queue: Pending[] = [];
  private sending = false;
  private scheduled = false;

  constructor(private readonly send: (text: string, values: string[]) => Promise<unknown>) {}

  notify(channel: string, payload: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ channel, payload, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.sending || this.scheduled) return;
    this.scheduled = true;
    // The broadcasts of the same tick (a message's room and participants) go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.sending || this.queue.length === 0) return;
    this.sending = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      await this.send(...statement(batch));
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.sending = false;
      if (this.queue.length) this.schedule();
    }
  }
}

/** The batch's statement and parameters, each payload unique within it. */
export function statement(
  batch: ReadonlyArray<{ channel: string; payload: string }>,
): [string, string[]] {
  const seen = new Map<string, number>();
  const values: string[] = [];
  const calls = batch.map(({ channel, payload }, i) => {
    const key = `${channel}\u0000${payload}`;
    const repeats = seen.get(key) ?? 0;
    seen.set(key, repeats + 1);
    values.push(channel, repeats ? payload + ' '.repeat(repeats) : payload);
    return `pg_notify($${2 * i + 1}, $${2 * i + 2})`;
  });
  return [`SELECT ${calls.join(', ')}`, values];
}

/**
 * The pool the adapter is given: the same pool, with its `pg_notify` calls going through a
 * `NotifyBatcher` (everything else — LISTEN, attachments, clean-up — as it is).
 */
export function batchingNotifies(pool: Pool): Pool {
  const batcher = new NotifyBatcher((text, values) => pool.query(text, values));
  const query = (text: unknown, values?: unknown) => {
    if (text === ADAPTER_NOTIFY && Array.isArray(values) && values.length === 2) {
      return batcher
        .notify(String(values[0]), String(values[1]))
        .then(() => ({ rows: [], rowCount: 1 }) as unknown as QueryResult);
    }
    return (pool.query as (t: unknown, v?: unknown) => Promise<QueryResult>)(text, values);
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'query') return query;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
