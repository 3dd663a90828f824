import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobsService } from '../../jobs/jobs.service';
import { ExchangeService } from './exchange.service';

export const EXCHANGE_QUEUE = 'exchange-cycle';

/**
 * Runs the exchange cycle on a cron schedule through the job queue: at most one cycle job queued
 * and one active across all replicas, and the cycle's advisory lock guards against anything else
 * starting one at the same time.
 */
@Injectable()
export class ExchangeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExchangeScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly exchange: ExchangeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.exchange.schedule) return;
    await this.jobs.scheduleSingleton({
      queue: EXCHANGE_QUEUE,
      cron: this.config.exchange.pollCron,
      expireInSeconds: Math.ceil(this.config.exchange.cycleTimeoutMs / 1000) + 60,
      run: async () => {
        const result = await this.exchange.runCycle('schedule');
        if (result?.error) this.logger.warn(`Scheduled exchange run: ${result.error}`);
      },
    });
    this.logger.log(`Exchange runs on "${this.config.exchange.pollCron}"`);
  }

  /** A cycle in progress finishes before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }
}
