import type { ExchangeHeader, ExchangeWarning, SkippedSection } from '@kabinet/exchange-1c';
import { Repository } from '../../database/repository';
import { sql } from '../../database/sql';
import type { FileStatus, RecordCounts } from './exchange-file.entity';
import type { RunStatus, RunTrigger } from './exchange-run.entity';

/** A row of `exchange_files` (the ledger), as PostgreSQL answers `SELECT *`. */
export interface ExchangeFileRow {
  id: string;
  run_id: string | null;
  name: string;
  stored_path: string | null;
  /** bigint */
  size: string;
  sha256: string;
  status: FileStatus;
  started_at: Date;
  finished_at: Date | null;
  /** bigint */
  bytes_processed: string;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  skipped: number;
  counts: RecordCounts;
  warnings: ExchangeWarning[];
  warning_count: number;
  skipped_sections: SkippedSection[];
  header: Record<string, unknown> | null;
  error_message: string | null;
  error_line: number | null;
  error_column: number | null;
  error_element: string | null;
}

/** A row of `exchange_runs`, as PostgreSQL answers `SELECT *`. */
export interface ExchangeRunRow {
  id: string;
  trigger: RunTrigger;
  status: RunStatus;
  source: string;
  started_at: Date;
  finished_at: Date | null;
  files_imported: number;
  files_failed: number;
  files_duplicate: number;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  changes_exported: number;
  warnings: number;
  error: string | null;
}

/** A file's ledger row as it starts. */
export interface NewLedgerFile {
  runId: string | null;
  name: string;
  size: number;
  sha256: string;
  startedAt: Date;
}

/** What an imported file's ledger row keeps. */
export interface ImportedFile {
  finishedAt: Date;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  skipped: number;
  counts: RecordCounts;
  header: ExchangeHeader;
  warnings: ExchangeWarning[];
  warningCount: number;
  skippedSections: SkippedSection[];
}

/** Why a file failed, where. */
export interface FailedFile {
  message: string;
  line: number | null;
  column: number | null;
  element: string | null;
}

/** What a file adds to its run's totals. */
export interface RunAddition {
  imported: number;
  failed: number;
  duplicate: number;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  warnings: number;
}

/**
 * The import's ledger (`exchange_files`, one row per file looked at) and the runs it belongs to
 * (`exchange_runs`). No Nest here: the slim import process and the CLI build it with `new` over
 * a `pg` pool, the API gets it from ExchangeModule; the statement texts are constant, so the
 * import process prepares each once.
 */
export class ImportLedgerRepository extends Repository {
  /** The file imported before with these bytes, if any. */
  async importedBySha256(sha256: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      sql`SELECT id FROM exchange_files WHERE sha256 = ${sha256} AND status = 'imported' LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }

  /** The row of a file whose bytes were imported before: done at once, all bytes processed. */
  async insertDuplicate(f: NewLedgerFile): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO exchange_files (run_id, name, size, sha256, status, started_at, finished_at,
                                      bytes_processed)
          VALUES (${f.runId}, ${f.name}, ${f.size}, ${f.sha256}, 'duplicate', ${f.startedAt},
                  ${f.startedAt}, ${f.size})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** The row of a file that starts importing. */
  async insertImporting(f: NewLedgerFile): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO exchange_files (run_id, name, size, sha256, status, started_at)
          VALUES (${f.runId}, ${f.name}, ${f.size}, ${f.sha256}, 'importing', ${f.startedAt})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** The progress bar: how many of the file's bytes were read. */
  async setProgress(fileId: string, bytes: number): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_files SET bytes_processed = ${bytes} WHERE id = ${fileId}`,
    );
  }

  /** The file is imported: its counts, header, warnings and skipped parts. */
  async markImported(fileId: string, f: ImportedFile): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_files SET status = 'imported', finished_at = ${f.finishedAt},
                 bytes_processed = size, created = ${f.created}, updated = ${f.updated},
                 unchanged = ${f.unchanged}, archived = ${f.archived}, skipped = ${f.skipped},
                 counts = ${JSON.stringify(f.counts)}::jsonb,
                 header = ${JSON.stringify(f.header)}::jsonb,
                 warnings = ${JSON.stringify(f.warnings)}::jsonb,
                 warning_count = ${f.warningCount},
                 skipped_sections = ${JSON.stringify(f.skippedSections)}::jsonb
           WHERE id = ${fileId}`,
    );
  }

  /** The same bytes were imported meanwhile (by a concurrent import): this one is a duplicate. */
  async markDuplicate(fileId: string, at: Date, header: ExchangeHeader | null): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_files SET status = 'duplicate', finished_at = ${at},
                 header = ${header ? JSON.stringify(header) : null}::jsonb
           WHERE id = ${fileId}`,
    );
  }

  /** Records why the file failed (and its header, when read); answers the row. */
  async markFailed(
    fileId: string,
    failure: FailedFile,
    at: Date,
    header: ExchangeHeader | null,
  ): Promise<ExchangeFileRow> {
    const rows = await this.db.query<ExchangeFileRow>(
      sql`UPDATE exchange_files SET status = 'failed', finished_at = ${at},
                 error_message = ${failure.message}, error_line = ${failure.line},
                 error_column = ${failure.column}, error_element = ${failure.element},
                 header = COALESCE(${header ? JSON.stringify(header) : null}::jsonb, header)
           WHERE id = ${fileId} RETURNING *`,
    );
    return rows[0]!;
  }

  /** A run starts. */
  async startRun(run: { trigger: RunTrigger; source: string; startedAt: Date }): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO exchange_runs (trigger, status, source, started_at)
          VALUES (${run.trigger}, 'running', ${run.source}, ${run.startedAt}) RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** Adds a file's outcome to its run's totals. */
  async addToRun(runId: string, a: RunAddition): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_runs SET
            files_imported = files_imported + ${a.imported},
            files_failed = files_failed + ${a.failed},
            files_duplicate = files_duplicate + ${a.duplicate},
            created = created + ${a.created}, updated = updated + ${a.updated},
            unchanged = unchanged + ${a.unchanged}, archived = archived + ${a.archived},
            warnings = warnings + ${a.warnings}
          WHERE id = ${runId}`,
    );
  }

  /** A run of a local file's import ends. */
  async finishRun(runId: string, status: RunStatus, finishedAt: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_runs SET status = ${status}, finished_at = ${finishedAt}
           WHERE id = ${runId}`,
    );
  }
}
