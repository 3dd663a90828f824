import type { ExchangeHeader, PaymentRecord } from '@kabinet/exchange-1c';
import { sql } from '../../database/sql';
import {
  ImportRecordError,
  contentHash,
  type ImportContext,
  type RecordImporter,
  type RecordOutcome,
} from '../exchange/record-importer';

/**
 * 1C's payments (`Документ` «Выплата наличных/безналичных денег») into `contract_payments`, by
 * 1C id, keeping what each contract was paid up to date. The customer hears of a new payment on
 * a contract they had before this file; a full export archives the payments it does not list.
 */
export class PaymentImporter implements RecordImporter<'payment'> {
  readonly type = 'payment';
  readonly countKey = 'payments';
  readonly element = 'Документ';
  /** The 1C ids of this file's payments. */
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: ImportContext) {}

  describe(r: PaymentRecord): string {
    return `Payment ${r.number} (${r.externalId})`;
  }

  async apply(r: PaymentRecord, line: number): Promise<RecordOutcome> {
    const { tx } = this.ctx;
    this.seen.add(r.externalId);
    const hash = contentHash(r);
    const contractId = await this.ctx.idOf('contract', r.contractExternalId);
    if (!contractId) {
      throw new ImportRecordError(
        `Payment ${r.number} refers to an unknown contract ${r.contractExternalId}`,
        line,
        'Документ',
      );
    }
    const existing = await tx.query<{ source_hash: string | null; contract_id: string }>(
      sql`SELECT source_hash, contract_id FROM contract_payments WHERE external_id = ${r.externalId}`,
    );
    if (existing[0]?.source_hash === hash) return 'unchanged';
    const archivedAt = r.deleted ? this.ctx.now : null;
    const rows = await tx.query<{ inserted: boolean }>(
      sql`INSERT INTO contract_payments (external_id, contract_id, number, date, amount, currency,
                                         method, archived_at, source_hash)
          VALUES (${r.externalId}, ${contractId}, ${r.number}, ${r.date}, ${r.amount},
                  ${r.currency}, ${r.method}, ${archivedAt}, ${hash})
          ON CONFLICT (external_id) DO UPDATE SET
            contract_id = EXCLUDED.contract_id, number = EXCLUDED.number, date = EXCLUDED.date,
            amount = EXCLUDED.amount, currency = EXCLUDED.currency, method = EXCLUDED.method,
            archived_at = CASE WHEN ${archivedAt}::timestamptz IS NULL THEN NULL
                               ELSE COALESCE(contract_payments.archived_at,
                                             ${archivedAt}::timestamptz) END,
            source_hash = EXCLUDED.source_hash, updated_at = now()
          RETURNING (xmax = 0) AS inserted`,
    );
    await this.refreshPaid(
      existing[0] && existing[0].contract_id !== contractId
        ? [contractId, existing[0].contract_id]
        : [contractId],
    );
    const inserted = rows[0]!.inserted;
    if (inserted && !r.deleted && !this.ctx.isNew('contract', contractId)) {
      await this.recordPayment(contractId, r);
    }
    return inserted ? 'created' : 'updated';
  }

  /** A full export lists every payment 1C has: the others are archived (kept, hidden). */
  async finish(header: ExchangeHeader): Promise<number> {
    if (header.onlyChanges) return 0;
    const archived = await this.ctx.tx.query<{ contract_id: string }>(
      sql`UPDATE contract_payments SET archived_at = ${this.ctx.now}, updated_at = now()
           WHERE archived_at IS NULL AND NOT (external_id = ANY(${[...this.seen]}))
          RETURNING contract_id`,
    );
    await this.refreshPaid([...new Set(archived.map((a) => a.contract_id))]);
    return archived.length;
  }

  /** A new payment on a contract its customer had (not archived): `payment.recorded`. */
  private async recordPayment(contractId: string, r: PaymentRecord): Promise<void> {
    const contract = await this.ctx.tx.query<{ customer_id: string; number: string }>(
      sql`SELECT customer_id, number FROM contracts WHERE id = ${contractId} AND archived_at IS NULL`,
    );
    for (const c of contract) {
      await this.ctx.stage({
        type: 'payment.recorded',
        source: 'import',
        occurredAt: this.ctx.now,
        contractId,
        customerId: c.customer_id,
        payload: {
          paymentId: r.externalId,
          paymentNumber: r.number,
          contractNumber: c.number,
          amount: r.amount,
          currency: r.currency,
          date: r.date,
        },
      });
    }
  }

  /** Recomputes what was paid on these contracts; they count as changed for their customers. */
  private async refreshPaid(contractIds: string[]): Promise<void> {
    if (!contractIds.length) return;
    await this.ctx.tx.query(
      sql`UPDATE contracts c SET changed_at = now(),
                 paid = COALESCE((SELECT sum(p.amount) FROM contract_payments p
                                   WHERE p.contract_id = c.id AND p.archived_at IS NULL), 0)
           WHERE c.id = ANY(${contractIds}::uuid[])`,
    );
  }
}
