// How every module writes what happened: in the transaction of the change, as its last step.
// No Nest here: the slim import process (`pgDatabase`) uses it as the API does.
import type { Db } from '../../database/sql';
import type { DomainEvent } from './domain-events';
import { EventsRepository } from './events.repository';

/**
 * Appends `events` (in this order) to `domain_events` in the caller's transaction `tx` and wakes
 * the dispatchers when it commits; a rollback leaves no trace. It holds a lock until COMMIT that
 * keeps event ids visible in id order (events.repository.ts says why), so it must be **the last
 * thing the transaction does** — other appenders wait for this transaction to end.
 */
export async function appendEvents(tx: Db, events: readonly DomainEvent[]): Promise<void> {
  await new EventsRepository(tx).append(events);
}

/**
 * The events of one long transaction (a 1C import), staged as they happen and appended in one
 * statement at the end (`flush`, right before COMMIT), so the append lock is held only for the
 * moment between the two. The first `memoryLimit` events wait in memory; past that they go, a
 * batch at a time, to a temporary table of the transaction, so memory stays bounded however
 * many records change. One buffer per transaction; events staged but not flushed are dropped
 * with the transaction.
 *
 *     const events = new EventBuffer();
 *     ... await events.stage(tx, { type: 'contract.changed', ... });   // as records are written
 *     await events.flush(tx);                                          // the last statement
 */
export class EventBuffer {
  private pending: DomainEvent[] = [];
  /** Events moved to the temporary table so far (their order continues from here). */
  private spilled = 0;

  constructor(private readonly memoryLimit = 1000) {}

  /** How many events wait for `flush`. */
  get size(): number {
    return this.spilled + this.pending.length;
  }

  async stage(tx: Db, event: DomainEvent): Promise<void> {
    this.pending.push(event);
    if (this.pending.length >= this.memoryLimit) await this.spill(tx);
  }

  /** Appends everything staged, in the order staged (see `appendEvents`), and empties the buffer. */
  async flush(tx: Db): Promise<void> {
    const repo = new EventsRepository(tx);
    if (this.spilled) {
      await this.spill(tx);
      await repo.appendStaged();
    } else {
      await repo.append(this.pending);
    }
    this.pending = [];
    this.spilled = 0;
  }

  private async spill(tx: Db): Promise<void> {
    await new EventsRepository(tx).stage(this.pending, this.spilled);
    this.spilled += this.pending.length;
    this.pending = [];
  }
}
