import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import { allocatedRowsSql } from '../contracts/contracts.sql';
import type { PaymentNoticeKind } from './payment-notice.entity';

/** A payment due or overdue that no notice of its kind has told about yet. */
export interface PaymentNoticeCandidate {
  contract_id: string;
  customer_id: string;
  number: string;
  currency: string;
  kind: PaymentNoticeKind;
  due_date: string;
  amount: string;
  /** This statement wrote its ledger row (false: another run did meanwhile). */
  told: boolean;
}

/** `payment_notices`, the ledger of the payment-notice job. */
@Injectable()
export class PaymentNoticesRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * One statement: up to `limit` payments of active contracts of current customers with
   * something left to pay (the schedule tab's allocation) that are due within `reminderDays`
   * of `today` (today included) or became overdue at most `overdueDays` ago, and have not been
   * told about in their kind; their ledger rows written (`told`) as they are answered.
   */
  async recordDue(o: {
    today: string;
    overdueDays: number;
    reminderDays: number;
    limit: number;
  }): Promise<PaymentNoticeCandidate[]> {
    const { today, overdueDays, reminderDays } = o;
    return this.db.query<PaymentNoticeCandidate>(
      sql`WITH due AS (
             SELECT c.id AS contract_id, c.customer_id, c.number, c.currency, a.due_date,
                    CASE WHEN a.due_date < ${today}::date THEN 'payment_overdue'
                         ELSE 'payment_reminder' END AS kind,
                    sum(a.outstanding) AS amount
               FROM contracts c
               JOIN customers cu ON cu.id = c.customer_id AND cu.archived_at IS NULL
               CROSS JOIN LATERAL (${allocatedRowsSql('c')}) a
              WHERE c.archived_at IS NULL AND NOT c.closed
                AND EXISTS (SELECT 1 FROM contract_installments i
                             WHERE i.contract_id = c.id
                               AND i.due_date BETWEEN ${today}::date - ${overdueDays}::int
                                                  AND ${today}::date + ${reminderDays}::int)
                AND a.due_date BETWEEN ${today}::date - ${overdueDays}::int
                                   AND ${today}::date + ${reminderDays}::int
                AND (a.due_date < ${today}::date OR ${reminderDays}::int > 0)
              GROUP BY c.id, a.due_date
             HAVING sum(a.outstanding) > 0
           ), fresh AS (
             SELECT d.* FROM due d
              WHERE NOT EXISTS (SELECT 1 FROM payment_notices n
                                 WHERE n.contract_id = d.contract_id AND n.kind = d.kind
                                   AND n.due_date = d.due_date)
              ORDER BY d.due_date, d.contract_id
              LIMIT ${o.limit}
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
    );
  }
}
