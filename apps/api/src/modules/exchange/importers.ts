// The domains' importers of 1C records, and how one file's records reach them.
import type {
  ExchangeHeader,
  ExchangeRecord,
  ExchangeRecordType,
  ExchangeWarning,
} from '@kabinet/exchange-1c';
import type { Db } from '../../database/sql';
import { EventBuffer } from '../events/append-events';
import { ContractImporter } from '../contracts/contract.importer';
import { PaymentImporter } from '../contracts/payment.importer';
import { CustomerImporter } from '../customers/customer.importer';
import { StaffImporter } from '../staff/staff.importer';
import type { RecordCounts } from './exchange-file.entity';
import {
  ImportRecordError,
  type ImportContext,
  type RecordImporter,
  type RecordImporterClass,
} from './record-importer';

/**
 * Every importer, one per record type. The order is that of the counts in the ledger and of
 * `finish` (archiving customers before contracts before payments). A new kind of record is a new
 * `<domain>/<thing>.importer.ts` added here.
 */
export const IMPORTERS: readonly RecordImporterClass[] = [
  StaffImporter,
  CustomerImporter,
  ContractImporter,
  PaymentImporter,
];

/** Postgres unique violations we turn into readable import errors. */
function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' ? (e.constraint ?? 'unique') : null;
}

/**
 * One file's records, each handed to the importer of its type inside the file's transaction,
 * counted per importer; `finish` lets each archive what a full export did not mention.
 */
export class FileRecords {
  readonly counts: RecordCounts = {};
  private readonly importers: RecordImporter[];
  private readonly byType = new Map<ExchangeRecordType, RecordImporter>();
  /** What this file's records did, appended by `flushEvents` as the transaction's last step. */
  private readonly events = new EventBuffer();

  constructor(
    private readonly tx: Db,
    now: Date,
    /** What the importers have to say about a record (a phone that is not a number). */
    warn: (w: ExchangeWarning) => void = () => undefined,
  ) {
    const ctx: ImportContext = {
      tx,
      now,
      warn,
      idOf: (type, externalId) => {
        const importer = this.byType.get(type);
        if (!importer?.idOf) throw new Error(`The ${type} importer does not look records up`);
        return importer.idOf(externalId);
      },
      isNew: (type, id) => {
        const importer = this.byType.get(type);
        if (!importer?.isNew) throw new Error(`The ${type} importer does not tell new records`);
        return importer.isNew(id);
      },
      stage: (event) => this.events.stage(tx, event),
    };
    this.importers = IMPORTERS.map((Importer) => new Importer(ctx));
    for (const importer of this.importers) {
      this.byType.set(importer.type, importer);
      this.counts[importer.countKey] = { created: 0, updated: 0, unchanged: 0, archived: 0 };
    }
  }

  /**
   * Appends the events the importers staged: the last statement before COMMIT (appending holds
   * the events' lock until the transaction ends; events.repository.ts says why).
   */
  async flushEvents(): Promise<void> {
    await this.events.flush(this.tx);
  }

  totals() {
    const t = { created: 0, updated: 0, unchanged: 0, archived: 0 };
    for (const c of Object.values(this.counts)) {
      t.created += c.created;
      t.updated += c.updated;
      t.unchanged += c.unchanged;
      t.archived += c.archived;
    }
    return t;
  }

  async apply(item: ExchangeRecord): Promise<void> {
    const importer = this.byType.get(item.type);
    if (!importer) throw new Error(`No importer takes ${item.type} records`);
    try {
      const outcome = await importer.apply(item.record, item.line);
      this.counts[importer.countKey]![outcome]++;
    } catch (err) {
      if (err instanceof ImportRecordError) throw err;
      const constraint = uniqueViolation(err);
      const what = importer.describe(item.record);
      const message = constraint
        ? `${what} conflicts with stored data (${constraint})`
        : `${what} could not be saved: ${(err as Error).message}`;
      throw new ImportRecordError(message, item.line, importer.element);
    }
  }

  /** After the last record: each importer in turn (a full export archives what it left out). */
  async finish(header: ExchangeHeader): Promise<void> {
    for (const importer of this.importers) {
      const archived = (await importer.finish?.(header)) ?? 0;
      this.counts[importer.countKey]!.archived += archived;
    }
  }
}
