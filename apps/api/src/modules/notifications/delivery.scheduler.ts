import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobsService } from '../../jobs/jobs.service';
import { MAIL_SENDER, type MailSender } from '../mail/mail-sender';
import { NotificationDeliveryService } from './delivery.service';

export const DELIVERY_QUEUE = 'notification-delivery';

/** A run stops taking new batches after this long; the next scheduled run goes on. */
const RUN_BUDGET_MS = 4 * 60 * 1000;

/**
 * Runs the delivery poller on a cron schedule through the job queue, as the exchange does: at
 * most one run queued and one active across all replicas. Pollers that overlap anyway (a run
 * that outlived its job) are safe: rows are claimed with SKIP LOCKED.
 */
@Injectable()
export class NotificationDeliveryScheduler
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(NotificationDeliveryScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_SENDER) private readonly mail: MailSender | null,
    private readonly jobs: JobsService,
    private readonly deliveries: NotificationDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.delivery.schedule) return;
    if (!this.mail) {
      this.logger.warn('SMTP_HOST is not set: e-mail notifications are not sent (marked skipped)');
    }
    await this.jobs.scheduleSingleton({
      queue: DELIVERY_QUEUE,
      cron: this.config.delivery.pollCron,
      expireInSeconds: Math.ceil(RUN_BUDGET_MS / 1000) + 120,
      run: () => this.deliveries.deliverDue({ budgetMs: RUN_BUDGET_MS }).then(() => undefined),
    });
    this.logger.log(`Notifications are delivered on "${this.config.delivery.pollCron}"`);
  }

  /** A delivery run in progress finishes before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }
}
