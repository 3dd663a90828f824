import type { ExchangeHeader, ExchangeWarning, SkippedSection } from '@kabinet/exchange-1c';
// The notes module alone (no parser): the CLI and the API load this file without sax and xml2js.
import { describeSkipped, describeWarning } from '@kabinet/exchange-1c/dist/notes';
import type { Database, Db } from '../../database/sql';
import { ImportLedgerRepository, type ExchangeFileRow } from './import-ledger.repository';

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
  | {
      status: 'imported';
      fileId: string;
      counts: ImportCounts;
      /** Values imported with a fallback or left out: all counted, the first 200 listed. */
      warningCount: number;
      warnings: ExchangeWarning[];
      /** What the file holds that Kabinet does not import, and why. */
      skipped: SkippedSection[];
    }
  | { status: 'duplicate'; fileId: string; duplicateOf: string }
  | { status: 'failed'; fileId: string; report: string };

export interface ImportDeps {
  db: Database;
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
  db: Db,
  fileId: string,
  failure: Omit<Failure, 'unexpected'>,
  at: Date,
  header: ExchangeHeader | null = null,
): Promise<ImportOutcome> {
  const row = await new ImportLedgerRepository(db).markFailed(fileId, failure, at, header);
  return { status: 'failed', fileId, report: errorReport(toFileView(row)) };
}

/** The failure of an import the exchange cycle stopped (its time ran out, or a shutdown). */
export const STOPPED: Omit<Failure, 'unexpected'> = {
  message: 'The import was stopped (the exchange cycle ran out of time); nothing was saved',
  line: null,
  column: null,
  element: null,
};

/** The ledger row as the report needs it. */
export interface FileView {
  name: string;
  size: string;
  sha256: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  warningCount: number;
  warnings: ExchangeWarning[];
  skippedSections: SkippedSection[];
  errorMessage: string | null;
  errorLine: number | null;
  errorColumn: number | null;
  errorElement: string | null;
}

export function toFileView(row: ExchangeFileRow): FileView {
  return {
    name: row.name,
    size: String(row.size),
    sha256: row.sha256,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? null,
    created: Number(row.created ?? 0),
    updated: Number(row.updated ?? 0),
    unchanged: Number(row.unchanged ?? 0),
    archived: Number(row.archived ?? 0),
    warningCount: Number(row.warning_count ?? 0),
    warnings: row.warnings ?? [],
    skippedSections: row.skipped_sections ?? [],
    errorMessage: row.error_message ?? null,
    errorLine: row.error_line ?? null,
    errorColumn: row.error_column ?? null,
    errorElement: row.error_element ?? null,
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

/** The report's lines about warnings and skipped parts (empty when there are none). */
export function notesReport(notes: {
  warningCount: number;
  warnings: ExchangeWarning[];
  skipped: SkippedSection[];
}): string[] {
  const lines: string[] = [];
  if (notes.warningCount) {
    lines.push(
      `Warnings (${notes.warningCount}): imported with a fallback, or left out`,
      ...notes.warnings.map((w) => `  ${describeWarning(w)}`),
    );
    const more = notes.warningCount - notes.warnings.length;
    if (more > 0)
      lines.push(`  … and ${more} more (the first ${notes.warnings.length} are listed)`);
  }
  if (notes.skipped.length) {
    lines.push(
      'Not imported:',
      ...notes.skipped.map((s) => `  ${describeSkipped(s)} (from line ${s.line})`),
    );
  }
  return lines;
}

/** The report of an imported file that has warnings or skipped parts (the admin page links it). */
export function importReport(f: FileView): string {
  return [
    `Kabinet imported ${f.name}${f.warningCount ? ` with ${f.warningCount} warning${f.warningCount === 1 ? '' : 's'}` : ''}`,
    `Created ${f.created}, updated ${f.updated}, unchanged ${f.unchanged}, archived ${f.archived}.`,
    '',
    ...notesReport({
      warningCount: f.warningCount,
      warnings: f.warnings,
      skipped: f.skippedSections,
    }),
    '',
    `File:     ${f.name} (${f.size} bytes, SHA-256 ${f.sha256})`,
    `Started:  ${f.startedAt.toISOString()}`,
    `Finished: ${f.finishedAt?.toISOString() ?? '-'}`,
    '',
    'Every record of the file was imported; a warning says which value was replaced or left out.',
    'Fix it in 1C and the next export corrects it.',
    '',
  ].join('\n');
}
