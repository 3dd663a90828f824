import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, dateIn } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database } from '../../database/sql';
import { NotificationsRepository } from './notifications.repository';
import { PaymentNoticesRepository } from './payment-notices.repository';

/** Contracts' payments told about per transaction. */
const BATCH = 500;

export interface PaymentNoticesResult {
  /** The company's date the run went by. */
  today: string;
  payment_reminder: number;
  payment_overdue: number;
}

/**
 * Raises the payment notices: a reminder when a payment of the schedule is due within
 * `PAYMENT_REMINDER_DAYS` (today included), and a notice when one is overdue, for payments that
 * became overdue at most `PAYMENT_OVERDUE_NOTICE_DAYS` days ago (an older debt is not news). What
 * is left to pay comes from the same allocation as the schedule tab; a payment covered in full
 * is never told about. Active contracts of current customers only (not closed, not archived).
 *
 * Idempotent: the `payment_notices` ledger (unique per contract, kind and due date) is written in
 * the same transaction as the notification, so each payment gets each kind at most once however
 * often, and on however many replicas at once, this runs. The notifications are made by
 * `NotificationsRepository.create`, so e-mail and SMS follow the customer's settings.
 */
@Injectable()
export class PaymentNoticesService {
  private readonly logger = new Logger(PaymentNoticesService.name);

  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: PaymentNoticesRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async raiseDue(): Promise<PaymentNoticesResult> {
    const today = dateIn(this.clock.now(), this.config.timeZone);
    const { reminderDays, overdueDays } = this.config.paymentNotices;
    const result: PaymentNoticesResult = { today, payment_reminder: 0, payment_overdue: 0 };
    for (;;) {
      const candidates = await this.db.transaction(async (tx) => {
        const rows = await this.repo
          .in(tx)
          .recordDue({ today, overdueDays, reminderDays, limit: BATCH });
        // A payment another run told about meanwhile is its to tell (the insert did nothing).
        const told = rows.filter((r) => r.told);
        // Made here directly, not through a domain event: the job itself is the news (no change
        // of data for other consumers to hear of), and its ledger rows and the notifications
        // commit together.
        await this.notifications.in(tx).create(
          told.map((n) => ({
            customerId: n.customer_id,
            contractId: n.contract_id,
            kind: n.kind,
            params: {
              number: n.number,
              amount: n.amount,
              currency: n.currency,
              dueDate: n.due_date,
            },
          })),
        );
        for (const n of told) result[n.kind]++;
        return rows.length;
      });
      // A full batch may have more behind it; the ledger keeps the next one from repeating it.
      if (candidates < BATCH) break;
    }
    if (result.payment_reminder + result.payment_overdue > 0) {
      this.logger.log(
        `Payment notices for ${today}: ${result.payment_reminder} reminders, ${result.payment_overdue} overdue`,
      );
    }
    return result;
  }
}
