import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DATABASE_URL } from '../../database/tokens';
import { ExchangeService } from './exchange.service';

export const EXCHANGE_QUEUE = 'exchange-cycle';

/**
 * Runs the exchange cycle on a cron schedule through pg-boss (a PostgreSQL job queue): the
 * `stately` queue keeps at most one cycle job queued and one active across all replicas, and
 * the cycle's advisory lock guards against anything else starting one at the same time.
 */
@Injectable()
export class ExchangeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExchangeScheduler.name);
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly exchange: ExchangeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.exchange.schedule) return;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      application_name: 'kabinet-jobs',
      max: 2,
    });
    boss.on('error', (err) => this.logger.error(err, 'Job queue error'));
    await boss.start();
    this.boss = boss;
    await boss.createQueue(EXCHANGE_QUEUE, { name: EXCHANGE_QUEUE, policy: 'stately' });
    await boss.schedule(
      EXCHANGE_QUEUE,
      this.config.exchange.pollCron,
      {},
      {
        expireInSeconds: Math.ceil(this.config.exchange.cycleTimeoutMs / 1000) + 60,
      },
    );
    await boss.work(EXCHANGE_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const result = await this.exchange.runCycle('schedule');
      if (result?.error) this.logger.warn(`Scheduled exchange run: ${result.error}`);
    });
    this.logger.log(`Exchange runs on "${this.config.exchange.pollCron}"`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
    this.boss = null;
  }
}
