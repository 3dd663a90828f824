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
import { MAIL_SENDER, type MailSender } from '../mail/mail-sender';
import { NotificationDeliveryService } from './delivery.service';

export const DELIVERY_QUEUE = 'notification-delivery';

/** A run stops taking new batches after this long; the next scheduled run goes on. */
const RUN_BUDGET_MS = 4 * 60 * 1000;

/**
 * Runs the delivery poller on a cron schedule through pg-boss, as the exchange does: the
 * `stately` queue keeps at most one run queued and one active across all replicas. Pollers that
 * overlap anyway (a run that outlived its job) are safe: rows are claimed with SKIP LOCKED.
 */
@Injectable()
export class NotificationDeliveryScheduler
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(NotificationDeliveryScheduler.name);
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(MAIL_SENDER) private readonly mail: MailSender | null,
    private readonly deliveries: NotificationDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.delivery.schedule) return;
    if (!this.mail) {
      this.logger.warn('SMTP_HOST is not set: e-mail notifications are not sent (marked skipped)');
    }
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      application_name: 'kabinet-notifications',
      max: 2,
    });
    boss.on('error', (err) => this.logger.error(err, 'Job queue error'));
    await boss.start();
    this.boss = boss;
    await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: 'stately' });
    await boss.schedule(
      DELIVERY_QUEUE,
      this.config.delivery.pollCron,
      {},
      { expireInSeconds: Math.ceil(RUN_BUDGET_MS / 1000) + 120 },
    );
    await boss.work(DELIVERY_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.deliveries.deliverDue({ budgetMs: RUN_BUDGET_MS });
    });
    this.logger.log(`Notifications are delivered on "${this.config.delivery.pollCron}"`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
    this.boss = null;
  }
}
