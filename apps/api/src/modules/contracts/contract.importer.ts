import type { ContractRecord, DocumentRecord, ExchangeHeader } from '@kabinet/exchange-1c';
import { fromMinor, toMinor } from '@kabinet/shared';
import { empty, join, sql, type Sql } from '../../database/sql';
import {
  ImportRecordError,
  contentHash,
  type ImportContext,
  type RecordImporter,
  type RecordOutcome,
  ExternalIds,
} from '../exchange/record-importer';
import { storeFile } from '../files/stored-files';

/** What a contract was before this file changed it (for what its customer is told). */
interface StoredContract {
  id: string;
  source_hash: string | null;
  status: string;
  archived: boolean;
  /** The schedule as `due=amount;...` in line order, or null when it has none. */
  schedule: string | null;
}

/**
 * 1C's contracts (`Документ` «Договор»), by 1C id, with everything that is part of the record:
 * items, schedule, assignees, stages and documents (their files in `stored_files`). Its customer
 * is told what changed; a full export archives the contracts it neither lists nor refers to.
 */
export class ContractImporter implements RecordImporter<'contract'> {
  readonly type = 'contract';
  readonly countKey = 'contracts';
  readonly element = 'Документ';
  private readonly ids: ExternalIds;
  /** Contracts this file created: their history (old payments) makes no notifications. */
  private readonly created = new Set<string>();

  constructor(private readonly ctx: ImportContext) {
    this.ids = new ExternalIds(ctx, 'contracts');
  }

  describe(r: ContractRecord): string {
    return `Contract ${r.number} (${r.externalId})`;
  }

  async apply(r: ContractRecord, line: number): Promise<RecordOutcome> {
    const { tx, now } = this.ctx;
    const hash = contentHash(r);
    const customerId = await this.ctx.idOf('customer', r.customerExternalId);
    if (!customerId) {
      throw new ImportRecordError(
        `Unknown customer ${r.customerExternalId}`,
        line,
        'Документ/Контрагенты',
      );
    }
    const existing = await tx.query<StoredContract>(
      sql`SELECT c.id, c.source_hash, c.status, c.archived_at IS NOT NULL AS archived,
                 (SELECT string_agg(i.due_date::text || '=' || i.amount::text, ';'
                                    ORDER BY i.line_no)
                    FROM contract_installments i WHERE i.contract_id = c.id) AS schedule
            FROM contracts c WHERE c.external_id = ${r.externalId}`,
    );
    if (existing[0]?.source_hash === hash) {
      this.ids.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const managerId = r.managerExternalId
      ? await this.staffId(r.managerExternalId, 'manager', line)
      : null;
    const assigneeIds: string[] = [];
    for (const a of r.assigneeExternalIds) {
      assigneeIds.push(await this.staffId(a, 'assignee', line));
    }
    const archivedAt = r.deleted ? now : null;
    const rows = await tx.query<{ id: string; customer_id: string; inserted: boolean }>(
      sql`INSERT INTO contracts (external_id, number, date, customer_id, manager_id, kind, status,
                                 closed, total, currency, planned_end_date, object, requisites,
                                 archived_at, source_hash, taxes)
          VALUES (${r.externalId}, ${r.number}, ${r.date}, ${customerId}, ${managerId}, ${r.kind},
                  ${r.status}, ${r.closed}, ${r.total}, ${r.currency}, ${r.plannedEndDate},
                  ${JSON.stringify(r.object)}::jsonb, ${JSON.stringify(r.requisites)}::jsonb,
                  ${archivedAt}, ${hash}, ${JSON.stringify(r.taxes)}::jsonb)
          ON CONFLICT (external_id) DO UPDATE SET
            number = EXCLUDED.number, date = EXCLUDED.date, customer_id = EXCLUDED.customer_id,
            manager_id = EXCLUDED.manager_id, kind = EXCLUDED.kind, status = EXCLUDED.status,
            closed = EXCLUDED.closed, total = EXCLUDED.total, currency = EXCLUDED.currency,
            planned_end_date = EXCLUDED.planned_end_date, object = EXCLUDED.object,
            requisites = EXCLUDED.requisites, taxes = EXCLUDED.taxes,
            archived_at = CASE WHEN ${archivedAt}::timestamptz IS NULL THEN NULL
                               ELSE COALESCE(contracts.archived_at, ${archivedAt}::timestamptz) END,
            source_hash = EXCLUDED.source_hash, updated_at = now(), changed_at = now()
          RETURNING id, customer_id, (xmax = 0) AS inserted`,
    );
    const { id, customer_id: customerOf, inserted } = rows[0]!;
    this.ids.set(r.externalId, id);
    if (inserted) this.created.add(id);
    await this.recordChange(id, customerOf, r, inserted ? null : (existing[0] ?? null));
    if (!inserted) {
      const stages = r.stages.map((s) => s.externalId);
      await tx.query(
        sql`WITH a AS (DELETE FROM contract_items WHERE contract_id = ${id}),
                 b AS (DELETE FROM contract_installments WHERE contract_id = ${id}),
                 c AS (DELETE FROM contract_assignees WHERE contract_id = ${id})
            DELETE FROM contract_stages
             WHERE contract_id = ${id} AND NOT (external_id = ANY(${stages}))`,
      );
    }
    await this.insertRows(
      sql`INSERT INTO contract_items (contract_id, line_no, external_id, name, kind, quantity,
                                      unit, price, amount, name_raw, tax_name, tax_rate,
                                      tax_exempt, tax_amount, tax_included)`,
      r.items.map((i, n) => [
        id,
        n + 1,
        i.externalId,
        i.name,
        i.kind,
        i.quantity,
        i.unit,
        i.price,
        i.amount,
        i.nameRaw,
        i.tax?.name ?? null,
        i.tax?.rate ?? null,
        i.tax?.exempt ?? false,
        i.tax?.amount ?? null,
        i.tax?.included ?? null,
      ]),
    );
    await this.insertRows(
      sql`INSERT INTO contract_installments (contract_id, line_no, due_date, amount, note)`,
      r.schedule.map((s, n) => [id, n + 1, s.dueDate, s.amount, s.note]),
    );
    await this.insertRows(
      sql`INSERT INTO contract_assignees (contract_id, staff_user_id)`,
      [...new Set(assigneeIds)].map((staffId) => [id, staffId]),
    );
    await this.insertRows(
      sql`INSERT INTO contract_stages (contract_id, external_id, line_no, name, description,
                                       start_date, end_date, previous_external_id)`,
      r.stages.map((s, n) => [
        id,
        s.externalId,
        n + 1,
        s.name,
        s.description,
        s.startDate,
        s.endDate,
        s.previousExternalId,
      ]),
      sql`ON CONFLICT (contract_id, external_id) DO UPDATE SET line_no = EXCLUDED.line_no,
            name = EXCLUDED.name, description = EXCLUDED.description,
            start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
            previous_external_id = EXCLUDED.previous_external_id`,
    );
    if (r.documents) await this.documents(id, customerOf, r.documents);
    return inserted ? 'created' : 'updated';
  }

  idOf(externalId: string): Promise<string | null> {
    return this.ids.get(externalId);
  }

  isNew(id: string): boolean {
    return this.created.has(id);
  }

  /** A full export lists every contract 1C has: the others are archived (kept, hidden). */
  async finish(header: ExchangeHeader): Promise<number> {
    if (header.onlyChanges) return 0;
    return this.ids.archiveOthers();
  }

  /** A staff member the contract names (its manager, an assignee), by 1C id. */
  private async staffId(externalId: string, what: string, line: number): Promise<string> {
    const id = await this.ctx.idOf('staff', externalId);
    if (!id) {
      throw new ImportRecordError(
        `Unknown ${what} ${externalId}: no staff member with this 1C id (send it in the staff section first)`,
        line,
        'Документ',
      );
    }
    return id;
  }

  /** What happened to a contract 1C created or changed: `contract.changed`. */
  private async recordChange(
    id: string,
    customerId: string,
    r: ContractRecord,
    before: StoredContract | null,
  ): Promise<void> {
    const added = !before || before.archived;
    const updated = !r.deleted && !added;
    const schedule = r.schedule
      .map((s) => `${s.dueDate}=${fromMinor(toMinor(s.amount))}`)
      .join(';');
    await this.ctx.stage({
      type: 'contract.changed',
      source: 'import',
      occurredAt: this.ctx.now,
      contractId: id,
      customerId,
      payload: {
        change: r.deleted ? 'archived' : added ? 'added' : 'updated',
        number: r.number,
        status: r.status,
        previousStatus: updated && before!.status !== r.status ? before!.status : null,
        scheduleChanged: updated && (before!.schedule ?? '') !== schedule,
        customerNew: added && this.ctx.isNew('customer', customerId),
      },
    });
  }

  /**
   * The contract's documents as a whole: upserted by their 1C id, the unlisted ones withdrawn.
   * Each file's bytes are stored once (by SHA-256) in this same transaction (`storeFile`).
   */
  private async documents(
    contractId: string,
    customerId: string,
    docs: DocumentRecord[],
  ): Promise<void> {
    const { tx, now } = this.ctx;
    for (const d of docs) {
      const fileId = await storeFile(tx, d.bytes);
      const upserted = await tx.query<{ inserted: boolean }>(
        sql`INSERT INTO contract_documents (contract_id, external_id, kind, title, number, date,
                                            file_id, file_name)
            VALUES (${contractId}, ${d.externalId}, ${d.kind}, ${d.title}, ${d.number}, ${d.date},
                    ${fileId}, ${d.fileName})
            ON CONFLICT (contract_id, external_id) DO UPDATE SET
              kind = EXCLUDED.kind, title = EXCLUDED.title, number = EXCLUDED.number,
              date = EXCLUDED.date, file_id = EXCLUDED.file_id, file_name = EXCLUDED.file_name,
              archived_at = NULL, updated_at = now()
            RETURNING (xmax = 0) AS inserted`,
      );
      // A new document on a contract the customer had (a new contract's come with it).
      if (upserted[0]?.inserted && !this.created.has(contractId)) {
        await this.ctx.stage({
          type: 'document.added',
          source: 'import',
          occurredAt: now,
          contractId,
          customerId,
          payload: {
            documentId: d.externalId,
            kind: d.kind,
            title: d.title,
            number: d.number,
            date: d.date,
            fileName: d.fileName,
          },
        });
      }
    }
    await tx.query(
      sql`UPDATE contract_documents SET archived_at = ${now}, updated_at = now()
           WHERE contract_id = ${contractId} AND archived_at IS NULL
             AND NOT (external_id = ANY(${docs.map((d) => d.externalId)}))`,
    );
  }

  /** `insert` (an INSERT up to its column list) with one VALUES tuple per row, then `tail`. */
  private async insertRows(insert: Sql, rows: unknown[][], tail: Sql = empty): Promise<void> {
    if (!rows.length) return;
    await this.ctx.tx.query(
      sql`${insert} VALUES ${join(rows.map((row) => sql`(${join(row)})`))} ${tail}`,
    );
  }
}
