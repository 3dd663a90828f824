// What a domain implements to import its 1C records: `<domain>/<thing>.importer.ts`, listed in
// importers.ts. Importers run in the slim import process too (no Nest, no TypeORM: `pg` through a
// Db), so they are plain classes; they write with the `sql` tag on the import's transaction.
import { createHash } from 'node:crypto';
import type {
  ExchangeHeader,
  ExchangeRecord,
  ExchangeRecordType,
  ExchangeWarning,
} from '@kabinet/exchange-1c';
import { ident, sql, type Db, type Sql } from '../../database/sql';
import type { DomainEvent } from '../events/domain-events';

/** A record that cannot be imported: the file fails as a whole, with this line in the report. */
export class ImportRecordError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly element: string | null,
  ) {
    super(message);
    this.name = 'ImportRecordError';
  }
}

/** What became of a record: the ledger counts these per importer. */
export type RecordOutcome = 'created' | 'updated' | 'unchanged';

/** The record of a type, as the parser hands it over. */
export type RecordOf<T extends ExchangeRecordType> = Extract<ExchangeRecord, { type: T }>['record'];

/** One file's import, as every importer of that file sees it. */
export interface ImportContext {
  /** The file's one transaction. */
  readonly tx: Db;
  /** When the file's import started: what archiving and deleting stamp. */
  readonly now: Date;
  /** Notes a value imported with a fallback or left out (the file still imports). */
  warn(warning: ExchangeWarning): void;
  /**
   * Kabinet's id of the record of `type` 1C calls `externalId` — one of this file's or a stored
   * one — or null when there is none. The importer of `type` answers it (and remembers the
   * reference: a full export keeps what its records refer to).
   */
  idOf(type: ExchangeRecordType, externalId: string): Promise<string | null>;
  /** Whether this file created the record of `type` with this id (its history tells nobody). */
  isNew(type: ExchangeRecordType, id: string): boolean;
  /**
   * Records what happened (a domain event): kept aside and appended when the file's transaction
   * ends, so it becomes visible with the data, and only if the data commits.
   */
  stage(event: DomainEvent): Promise<void>;
}

/**
 * Imports the records of one type, one at a time (memory stays flat), by their 1C id: a record
 * whose content hash equals the stored one is "unchanged" and writes nothing. One instance per
 * file, made with the file's `ImportContext`.
 */
export interface RecordImporter<T extends ExchangeRecordType = ExchangeRecordType> {
  /** The records it takes. */
  readonly type: T;
  /** Its key in the ledger's counts (`RecordCounts`), e.g. `contracts`. */
  readonly countKey: string;
  /** The 1C element a failure of its records points at. */
  readonly element: string;
  /** The record as the error report names it, e.g. `Contract 12 (<Ид>)`. */
  describe(record: RecordOf<T>): string;
  /** Writes the record (in the file's transaction); `line` is where it starts, for errors. */
  apply(record: RecordOf<T>, line: number): Promise<RecordOutcome>;
  /** Answers `ImportContext.idOf` for this type. */
  idOf?(externalId: string): Promise<string | null>;
  /** Answers `ImportContext.isNew` for this type. */
  isNew?(id: string): boolean;
  /**
   * After the file's last record, in the order of importers.ts: a full export archives what it
   * did not mention. Answers how many records it archived.
   */
  finish?(header: ExchangeHeader): Promise<number>;
}

/** An importer as importers.ts lists it: made once per file. */
export type RecordImporterClass = new (ctx: ImportContext) => RecordImporter;

/** A record's content hash; a document's bytes count through their own `sha256`. */
export function contentHash(record: unknown): string {
  const json = JSON.stringify(record, (key, value: unknown) =>
    key === 'bytes' ? undefined : value,
  );
  return createHash('sha256').update(json).digest('hex');
}

/**
 * 1C id → Kabinet id of one table's records: those this file wrote, and stored ones looked up
 * once. Its keys are what a full export keeps (the records of the file and those it refers to);
 * `archiveOthers` archives the rest.
 */
export class ExternalIds {
  private readonly ids = new Map<string, string>();
  private readonly table: Sql;

  constructor(
    private readonly ctx: ImportContext,
    /** A table with `id`, `external_id` and `archived_at` (a name from code, never input). */
    table: string,
  ) {
    this.table = ident(table);
  }

  set(externalId: string, id: string): void {
    this.ids.set(externalId, id);
  }

  /** The record's id, or null when 1C never sent it. */
  async get(externalId: string): Promise<string | null> {
    const known = this.ids.get(externalId);
    if (known) return known;
    const rows = await this.ctx.tx.query<{ id: string }>(
      sql`SELECT id FROM ${this.table} WHERE external_id = ${externalId}`,
    );
    if (!rows[0]) return null;
    this.ids.set(externalId, rows[0].id);
    return rows[0].id;
  }

  /** A full export's end: archives (keeps, hides) the live records it neither sent nor named. */
  async archiveOthers(): Promise<number> {
    const rows = await this.ctx.tx.query<{ n: number }>(
      sql`WITH a AS (UPDATE ${this.table} SET archived_at = ${this.ctx.now}, updated_at = now()
                      WHERE archived_at IS NULL AND NOT (external_id = ANY(${[...this.ids.keys()]}))
                     RETURNING 1)
          SELECT count(*)::int AS n FROM a`,
    );
    return rows[0]?.n ?? 0;
  }
}
