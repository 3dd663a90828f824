import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '../database/tokens';

export interface SingletonJob {
  queue: string;
  /** pg-boss cron (minute resolution), e.g. `* * * * *`. */
  cron: string;
  /** The time zone the cron is read in (IANA); UTC without it. */
  timeZone?: string;
  /** A run still active after this long is failed and may start again. */
  expireInSeconds: number;
  run(): Promise<void>;
}

/**
 * The app's one PostgreSQL job queue (pg-boss, schema `pgboss`), started on the first schedule.
 * `scheduleSingleton` gives a cron job a `stately` queue: at most one run queued and one active
 * across all replicas.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: Promise<PgBoss> | null = null;
  private stopped: Promise<void> | null = null;
  private scheduling: Promise<void> = Promise.resolve();

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /**
   * Schedules one job after another: Nest starts the schedulers of a module at the same time,
   * and pg-boss deadlocks creating two queues at once.
   */
  scheduleSingleton(job: SingletonJob): Promise<void> {
    const next = this.scheduling.then(() => this.schedule(job));
    this.scheduling = next.catch(() => undefined);
    return next;
  }

  private async schedule(job: SingletonJob): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(job.queue, { name: job.queue, policy: 'stately' });
    await boss.schedule(
      job.queue,
      job.cron,
      {},
      {
        expireInSeconds: job.expireInSeconds,
        ...(job.timeZone ? { tz: job.timeZone } : {}),
      },
    );
    await boss.work(job.queue, { pollingIntervalSeconds: 5 }, () => job.run());
  }

  /** Lets running jobs finish (up to 20 s), then stops; the schedulers call it before the database closes. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      const boss = await this.boss?.catch(() => null);
      await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
    })();
    return this.stopped;
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private started(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.databaseUrl,
        schema: 'pgboss',
        application_name: 'kabinet-jobs',
        max: 2,
      });
      // The message and code only: pg's errors carry the whole client (config, sockets, buffers).
      boss.on('error', (err: Error & { code?: string }) =>
        this.logger.error(`Job queue error: ${err.message}${err.code ? ` (${err.code})` : ''}`),
      );
      await boss.start();
      return boss;
    })();
    return this.boss;
  }
}
