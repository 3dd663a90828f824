import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobsService } from '../../jobs/jobs.service';
import { PaymentNoticesService } from './payment-notices.service';

export const PAYMENT_NOTICES_QUEUE = 'payment-notices';

/**
 * Raises the payment reminders and overdue notices on a cron schedule (`PAYMENT_NOTICE_CRON`,
 * read in the company's time zone, so "every hour from 10 to 19" is the company's working day)
 * through the job queue: at most one run queued and one active across all replicas. Runs that
 * overlap anyway are safe: the ledger's unique index lets each notice be made once.
 */
@Injectable()
export class PaymentNoticesScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentNoticesScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly notices: PaymentNoticesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { schedule, cron } = this.config.paymentNotices;
    if (!schedule) return;
    await this.jobs.scheduleSingleton({
      queue: PAYMENT_NOTICES_QUEUE,
      cron,
      timeZone: this.config.timeZone,
      expireInSeconds: 15 * 60,
      run: () => this.notices.raiseDue().then(() => undefined),
    });
    this.logger.log(`Payment notices are raised on "${cron}" (${this.config.timeZone})`);
  }

  /** A run in progress finishes before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }
}
