import { managerDb } from '../../database/sql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, dateIn } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { allocatedRowsSql } from '../contracts/contracts.sql';
import { createNotifications } from './create-notifications';
import type { PaymentNoticeKind } from './payment-notice.entity';

/** Contracts' payments told about per transaction. */
const BATCH = 500;

export interface PaymentNoticesResult {
  /** The company's date the run went by. */
  today: string;
  payment_reminder: number;
  payment_overdue: number;
}

interface Candidate {
  contract_id: string;
  customer_id: string;
  number: string;
  currency: string;
  kind: PaymentNoticeKind;
  due_date: string;
  amount: string;
  told: boolean;
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
 * often, and on however many replicas at once, this runs. The notifications go through
 * `createNotifications`, so e-mail and SMS follow the customer's settings.
 */
@Injectable()
export class PaymentNoticesService {
  private readonly logger = new Logger(PaymentNoticesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async raiseDue(): Promise<PaymentNoticesResult> {
    const today = dateIn(this.clock.now(), this.config.timeZone);
    const { reminderDays, overdueDays } = this.config.paymentNotices;
    const result: PaymentNoticesResult = { today, payment_reminder: 0, payment_overdue: 0 };
    for (;;) {
      const candidates = await this.db.transaction(async (tx) => {
        const rows: Candidate[] = await tx.query(
          `WITH due AS (
             SELECT c.id AS contract_id, c.customer_id, c.number, c.currency, a.due_date,
                    CASE WHEN a.due_date < $1::date THEN 'payment_overdue'
                         ELSE 'payment_reminder' END AS kind,
                    sum(a.outstanding) AS amount
               FROM contracts c
               JOIN customers cu ON cu.id = c.customer_id AND cu.archived_at IS NULL
               CROSS JOIN LATERAL (${allocatedRowsSql('c').text}) a
              WHERE c.archived_at IS NULL AND NOT c.closed
                AND EXISTS (SELECT 1 FROM contract_installments i
                             WHERE i.contract_id = c.id
                               AND i.due_date BETWEEN $1::date - $2::int AND $1::date + $3::int)
                AND a.due_date BETWEEN $1::date - $2::int AND $1::date + $3::int
                AND (a.due_date < $1::date OR $3::int > 0)
              GROUP BY c.id, a.due_date
             HAVING sum(a.outstanding) > 0
           ), fresh AS (
             SELECT d.* FROM due d
              WHERE NOT EXISTS (SELECT 1 FROM payment_notices n
                                 WHERE n.contract_id = d.contract_id AND n.kind = d.kind
                                   AND n.due_date = d.due_date)
              ORDER BY d.due_date, d.contract_id
              LIMIT $4
           ), told AS (
             INSERT INTO payment_notices (contract_id, kind, due_date, amount)
             SELECT contract_id, kind, due_date, amount FROM fresh
             ON CONFLICT (contract_id, kind, due_date) DO NOTHING
             RETURNING contract_id, kind, due_date
           )
           SELECT f.contract_id, f.customer_id, f.number, f.currency, f.kind,
                  to_char(f.due_date, 'YYYY-MM-DD') AS due_date, f.amount::text AS amount,
                  t.contract_id IS NOT NULL AS told
             FROM fresh f
             LEFT JOIN told t ON t.contract_id = f.contract_id AND t.kind = f.kind
                             AND t.due_date = f.due_date
            ORDER BY f.due_date, f.contract_id`,
          [today, overdueDays, reminderDays, BATCH],
        );
        // A payment another run told about meanwhile is its to tell (the insert did nothing).
        const told = rows.filter((r) => r.told);
        await createNotifications(
          managerDb(tx),
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
