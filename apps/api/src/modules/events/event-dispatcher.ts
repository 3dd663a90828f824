import { setTimeout as sleep } from 'node:timers/promises';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { listen, type Listening } from '../../database/listen';
import { DB, type Database, type Db } from '../../database/sql';
import { DATABASE_URL } from '../../database/tokens';
import type { StoredEvent } from './domain-events';
import { EVENTS_CHANNEL, EventsRepository } from './events.repository';

/**
 * What reacts to events (notifications now; sockets, webhooks, push and Telegram next). It gets
 * them in order, a batch at a time, inside a transaction that also moves its cursor: what it
 * writes with `tx` commits with the cursor (exactly once); what it does outside (a socket, an
 * HTTP call) may be repeated after a failure, so it de-duplicates by event `id`. Throwing rolls
 * the batch back; it comes again later (at least once). Events it does not care about it ignores.
 */
export interface EventConsumer {
  /** Stable and unique: the key of its cursor (a new name starts a new cursor). */
  readonly name: string;
  /**
   * Where a new cursor starts: at the first event there is (true), or after the last one
   * (default: what happened before the consumer existed is not its business).
   */
  readonly fromStart?: boolean;
  handle(tx: Db, events: readonly StoredEvent[]): Promise<void>;
}

export interface DispatcherOptions {
  /** The fallback when no notification arrives (a lost LISTEN connection): the table is the truth. */
  pollMs: number;
  /** Events per transaction. */
  batchSize: number;
  /** A failing consumer waits `retryBaseMs × 2^(failures-1)`, at most `maxRetryMs`. */
  retryBaseMs: number;
  maxRetryMs: number;
}

/** Options for the app's dispatcher (tests set a shorter backoff). */
export const EVENT_DISPATCHER_OPTIONS = Symbol('EVENT_DISPATCHER_OPTIONS');

const DEFAULTS: DispatcherOptions = {
  pollMs: 30_000,
  batchSize: 100,
  retryBaseMs: 1_000,
  maxRetryMs: 5 * 60_000,
};

type Step = 'moved' | 'idle' | 'busy';

interface Slot {
  consumer: EventConsumer;
  /** Its cursor exists. */
  ready: boolean;
  /** This process's batches of this consumer, one after another. */
  tail: Promise<unknown>;
  /** Woken while pumping: look again when done. */
  wanted: boolean;
  pumping: Promise<void> | null;
  failures: number;
  /** Waiting out a backoff after a failure. */
  retry: NodeJS.Timeout | null;
}

/**
 * The one dispatcher of domain events. A dedicated connection LISTENs on `domain_events` to wake
 * it on each commit that appended events; a slow poll covers a lost connection. Each consumer
 * is pumped on its own (a slow or failing one holds up no other): in one transaction it locks
 * the consumer's cursor row (`FOR UPDATE SKIP LOCKED`: on any number of replicas, one batch of a
 * consumer runs at a time, the others skip it), reads the next events after its position, hands
 * them over with the transaction, moves the position and commits. A failure rolls the batch
 * back (position kept), is logged and retried with backoff. Event ids become visible in id
 * order (events.repository.ts), so `id > position` never skips one.
 *
 * Started on application bootstrap; stopped before shutdown (before the job queue and the
 * database pools close): it stops listening and lets a batch in progress commit.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private readonly options: DispatcherOptions;
  private readonly slots = new Map<string, Slot>();
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private listening: Listening | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped: Promise<void> | null = null;

  constructor(
    private readonly repo: EventsRepository,
    @Inject(DB) private readonly db: Database,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Optional() @Inject(EVENT_DISPATCHER_OPTIONS) options: Partial<DispatcherOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Adds a consumer (modules do it in `onModuleInit`, before the dispatcher starts). */
  register(consumer: EventConsumer): void {
    if (this.slots.has(consumer.name)) {
      throw new Error(`An event consumer named ${consumer.name} is registered already`);
    }
    const slot: Slot = {
      consumer,
      ready: false,
      tail: Promise.resolve(),
      wanted: false,
      pumping: null,
      failures: 0,
      retry: null,
    };
    this.slots.set(consumer.name, slot);
    this.wake(slot);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Listens, polls, and catches every consumer up. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'running';
    await this.listen();
    this.poll = setInterval(() => this.wakeAll(), this.options.pollMs);
    this.poll.unref();
    this.wakeAll();
  }

  /** Stops waking consumers and waits for the batches in progress to commit. Quiet. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.state = 'stopped';
      if (this.poll) clearInterval(this.poll);
      if (this.relisten) clearTimeout(this.relisten);
      for (const slot of this.slots.values()) if (slot.retry) clearTimeout(slot.retry);
      await this.listening?.close();
      this.listening = null;
      await Promise.allSettled([...this.slots.values()].map((s) => s.pumping));
    })();
    return this.stopped;
  }

  /**
   * Runs every consumer until it has handled every event committed before the call (tests wait
   * for the consequences of a change with it). A consumer that fails rejects it with its error.
   */
  async drain(): Promise<void> {
    const end = BigInt(await this.repo.end());
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        for (;;) {
          const position = await this.repo.position(slot.consumer.name);
          if (position !== null && BigInt(position) >= end) return;
          // Another runner (this process's pump, another replica) has it: let it work.
          if ((await this.step(slot)) === 'busy') await sleep(10);
        }
      }),
    );
  }

  private async listen(): Promise<void> {
    try {
      this.listening = await listen(
        this.databaseUrl,
        EVENTS_CHANNEL,
        {
          onNotify: () => this.wakeAll(),
          onLost: (err) => {
            this.listening = null;
            if (this.state !== 'running') return;
            this.logger.warn(`Lost the events connection (${message(err)}); polling meanwhile`);
            this.listenLater();
          },
        },
        'kabinet-events',
      );
    } catch (err) {
      if (this.state !== 'running') return;
      this.logger.warn(`Cannot listen for events (${message(err)}); polling meanwhile`);
      this.listenLater();
    }
  }

  private listenLater(): void {
    this.relisten = setTimeout(
      () =>
        void this.listen().then(() => {
          // Notifications sent while nobody listened are lost: look now.
          if (this.listening) this.wakeAll();
        }),
      Math.min(this.options.pollMs, 5_000),
    );
    this.relisten.unref();
  }

  private wakeAll(): void {
    for (const slot of this.slots.values()) this.wake(slot);
  }

  private wake(slot: Slot): void {
    if (this.state !== 'running' || slot.retry) return;
    slot.wanted = true;
    if (slot.pumping) return;
    slot.pumping = this.pump(slot).finally(() => {
      slot.pumping = null;
      // Woken between the pump's last look and here.
      if (slot.wanted) this.wake(slot);
    });
  }

  /** Batch after batch while there is something to do and nothing failed. */
  private async pump(slot: Slot): Promise<void> {
    while (slot.wanted && this.state === 'running') {
      slot.wanted = false;
      let step: Step = 'moved';
      while (step === 'moved' && this.state === 'running') {
        try {
          step = await this.step(slot);
        } catch (err) {
          this.failed(slot, err);
          return;
        }
      }
    }
  }

  /** One batch of one consumer in one transaction. */
  private step(slot: Slot): Promise<Step> {
    const run = slot.tail.then(async (): Promise<Step> => {
      const { consumer } = slot;
      if (!slot.ready) {
        await this.repo.ensureCursor(consumer.name, consumer.fromStart ?? false);
        slot.ready = true;
      }
      const step = await this.db.transaction(async (tx): Promise<Step> => {
        const repo = this.repo.in(tx);
        const position = await repo.claimCursor(consumer.name);
        if (position === null) return 'busy';
        const events = await repo.after(position, this.options.batchSize);
        if (!events.length) return 'idle';
        await consumer.handle(tx, events);
        await repo.advance(consumer.name, events.at(-1)!.id);
        return events.length < this.options.batchSize ? 'idle' : 'moved';
      });
      slot.failures = 0;
      return step;
    });
    slot.tail = run.catch(() => undefined);
    return run;
  }

  /** Logs the failure and tries the consumer again after a backoff; the others go on. */
  private failed(slot: Slot, err: unknown): void {
    slot.failures++;
    const wait = Math.min(
      this.options.retryBaseMs * 2 ** (slot.failures - 1),
      this.options.maxRetryMs,
    );
    if (this.state !== 'running') return;
    this.logger.warn(
      `Event consumer ${slot.consumer.name} failed (${slot.failures} in a row), retrying in ${wait} ms: ${message(err)}`,
    );
    slot.retry = setTimeout(() => {
      slot.retry = null;
      this.wake(slot);
    }, wait);
    slot.retry.unref();
  }
}

/** An error's message (and code): pg's errors carry the whole client, never log them whole. */
function message(err: unknown): string {
  const e = err as { message?: string; code?: string };
  return `${e?.message ?? String(err)}${e?.code ? ` (${e.code})` : ''}`;
}
