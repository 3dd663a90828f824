import type { ExchangeHeader } from '@kabinet/exchange-1c';
import type { SqlDatabase } from './sql';

// The import's types and its ledger bookkeeping of failures: light (no XML parser), so the API
// and the CLI can await the slim import process without loading what it loads.

export interface ImportRequest {
  /** The file's bytes, on local disk (downloaded from SFTP into a temp folder, or a local file). */
  localPath: string;
  /** The name 1C gave it. */
  name: string;
  runId: string | null;
  signal?: AbortSignal;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export type ImportOutcome =
  | { status: 'imported'; fileId: string; counts: ImportCounts }
  | { status: 'duplicate'; fileId: string; duplicateOf: string }
  | { status: 'failed'; fileId: string; report: string };

export interface ImportDeps {
  db: SqlDatabase;
  /** The app's clock (tests move it): the ledger's times and the archive time. */
  now(): Date | Promise<Date>;
  /** Errors nobody expected (a bug, a lost connection): logged, and the file fails. */
  logError?(err: unknown, message: string): void;
  /** Called once the ledger row exists (committed), with its id. */
  onLedgerRow?(fileId: string): void;
}

export interface Failure {
  message: string;
  line: number | null;
  column: number | null;
  element: string | null;
  unexpected: boolean;
}

/** Records why a file failed in its ledger row; answers the outcome with the error report. */
export async function markFailed(
  db: SqlDatabase,
  fileId: string,
  failure: Omit<Failure, 'unexpected'>,
  at: Date,
  header: ExchangeHeader | null = null,
): Promise<ImportOutcome> {
  const rows = await db.query(
    `UPDATE exchange_files SET status = 'failed', finished_at = $2, error_message = $3,
            error_line = $4, error_column = $5, error_element = $6,
            header = COALESCE($7::jsonb, header)
      WHERE id = $1 RETURNING *`,
    [
      fileId,
      at,
      failure.message,
      failure.line,
      failure.column,
      failure.element,
      header ? JSON.stringify(header) : null,
    ],
  );
  return { status: 'failed', fileId, report: errorReport(toFileView(rows[0]!)) };
}

/** The failure of an import the exchange cycle stopped (its time ran out, or a shutdown). */
export const STOPPED: Omit<Failure, 'unexpected'> = {
  message: 'The import was stopped (the exchange cycle ran out of time); nothing was saved',
  line: null,
  column: null,
  element: null,
};

/** The ledger row as the report needs it (snake_case from SQL). */
export interface FileView {
  name: string;
  size: string;
  sha256: string;
  startedAt: Date;
  finishedAt: Date | null;
  errorMessage: string | null;
  errorLine: number | null;
  errorColumn: number | null;
  errorElement: string | null;
}

export function toFileView(row: Record<string, unknown>): FileView {
  return {
    name: row.name as string,
    size: String(row.size),
    sha256: row.sha256 as string,
    startedAt: row.started_at as Date,
    finishedAt: (row.finished_at as Date | null) ?? null,
    errorMessage: (row.error_message as string | null) ?? null,
    errorLine: (row.error_line as number | null) ?? null,
    errorColumn: (row.error_column as number | null) ?? null,
    errorElement: (row.error_element as string | null) ?? null,
  };
}

/** The `<name>.error.txt` next to a failed file, and the admin page's "error report". */
export function errorReport(f: FileView): string {
  const where = [
    f.errorLine != null
      ? `line ${f.errorLine}${f.errorColumn != null ? `, column ${f.errorColumn}` : ''}`
      : null,
    f.errorElement ? `element ${f.errorElement}` : null,
  ].filter(Boolean);
  return [
    `Kabinet could not import ${f.name}`,
    '',
    `What:  ${f.errorMessage ?? 'unknown error'}`,
    `Where: ${where.length ? where.join(', ') : 'the file as a whole'}`,
    '',
    `File:     ${f.name} (${f.size} bytes, SHA-256 ${f.sha256})`,
    `Started:  ${f.startedAt.toISOString()}`,
    `Finished: ${f.finishedAt?.toISOString() ?? '-'}`,
    '',
    'Nothing from this file was saved: a file is imported all or nothing.',
    'Fix the file in 1C and upload it again (the same bytes are never imported twice).',
    '',
  ].join('\n');
}
