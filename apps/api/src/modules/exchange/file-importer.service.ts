import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExchangeFormatError, parseExchange, type ExchangeHeader } from '@kabinet/exchange-1c';
import { Clock } from '../../common/clock';
import type { ExchangeFile, RecordCounts } from './exchange-file.entity';
import { ImportRecordError, RecordImporter } from './record-importer';

export interface ImportRequest {
  /** The file's bytes, on local disk (downloaded from SFTP into a temp folder, or a local file). */
  localPath: string;
  /** The name 1C gave it. */
  name: string;
  runId: string | null;
  signal?: AbortSignal;
}

export type ImportOutcome =
  | { status: 'imported'; fileId: string; counts: ReturnType<RecordImporter['totals']> }
  | { status: 'duplicate'; fileId: string; duplicateOf: string }
  | { status: 'failed'; fileId: string; report: string };

/** How often the progress bar's `bytes_processed` is written while a file imports. */
const PROGRESS_EVERY_MS = 500;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Imports one file: a ledger row first (committed, so the admin page sees it), then every record
 * in ONE transaction — all or nothing. The same bytes imported before are a no-op ("duplicate").
 */
@Injectable()
export class FileImporterService {
  private readonly logger = new Logger(FileImporterService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async import(request: ImportRequest): Promise<ImportOutcome> {
    const size = (await stat(request.localPath)).size;
    const sha256 = await sha256File(request.localPath);
    const startedAt = this.clock.now();
    const previous: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM exchange_files WHERE sha256 = $1 AND status = 'imported' LIMIT 1`,
      [sha256],
    );
    if (previous[0]) {
      const rows: Array<{ id: string }> = await this.db.query(
        `INSERT INTO exchange_files (run_id, name, size, sha256, status, started_at, finished_at,
                                     bytes_processed)
         VALUES ($1, $2, $3, $4, 'duplicate', $5, $5, $3) RETURNING id`,
        [request.runId, request.name, size, sha256, startedAt],
      );
      return { status: 'duplicate', fileId: rows[0].id, duplicateOf: previous[0].id };
    }
    const ledger: Array<{ id: string }> = await this.db.query(
      `INSERT INTO exchange_files (run_id, name, size, sha256, status, started_at)
       VALUES ($1, $2, $3, $4, 'importing', $5) RETURNING id`,
      [request.runId, request.name, size, sha256, startedAt],
    );
    const fileId = ledger[0].id;
    let header: ExchangeHeader | null = null;
    let skipped = 0;
    let lastProgress = 0;
    try {
      const result = await this.db.transaction(async (tx) => {
        const importer = new RecordImporter(tx, startedAt);
        for await (const event of parseExchange(createReadStream(request.localPath))) {
          request.signal?.throwIfAborted();
          switch (event.kind) {
            case 'header':
              header = event.header;
              break;
            case 'record':
              await importer.apply(event.record);
              break;
            case 'skipped':
              skipped++;
              break;
            case 'progress':
              if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = Date.now();
                await this.db.query(
                  'UPDATE exchange_files SET bytes_processed = $2 WHERE id = $1',
                  [fileId, event.bytes],
                );
              }
              break;
          }
        }
        if (!header) throw new ExchangeFormatError('The file has no exchange data', 1, 1, null);
        await importer.finish(header);
        const totals = importer.totals();
        const counts: RecordCounts = importer.counts;
        // Marking the ledger inside the same transaction: the file counts as imported exactly
        // when its data is committed (a kill before COMMIT leaves neither).
        await tx.query(
          `UPDATE exchange_files SET status = 'imported', finished_at = $2, bytes_processed = size,
                  created = $3, updated = $4, unchanged = $5, archived = $6, skipped = $7,
                  counts = $8::jsonb, header = $9::jsonb
            WHERE id = $1`,
          [
            fileId,
            this.clock.now(),
            totals.created,
            totals.updated,
            totals.unchanged,
            totals.archived,
            skipped,
            JSON.stringify(counts),
            JSON.stringify(header),
          ],
        );
        return totals;
      });
      return { status: 'imported', fileId, counts: result };
    } catch (err) {
      const failure = describeFailure(err);
      if (failure.unexpected) this.logger.error(err, `Import of ${request.name} failed`);
      const duplicateRace =
        (err as { code?: string; constraint?: string }).constraint ===
        'exchange_files_sha256_imported_uq';
      await this.db.query(
        `UPDATE exchange_files SET status = $2, finished_at = $3, error_message = $4,
                error_line = $5, error_column = $6, error_element = $7, header = $8::jsonb
          WHERE id = $1`,
        [
          fileId,
          duplicateRace ? 'duplicate' : 'failed',
          this.clock.now(),
          duplicateRace ? null : failure.message,
          failure.line,
          failure.column,
          failure.element,
          header ? JSON.stringify(header) : null,
        ],
      );
      if (duplicateRace) return { status: 'duplicate', fileId, duplicateOf: '' };
      const row = (await this.db.query('SELECT * FROM exchange_files WHERE id = $1', [fileId]))[0];
      return { status: 'failed', fileId, report: errorReport(toFileView(row)) };
    }
  }
}

interface Failure {
  message: string;
  line: number | null;
  column: number | null;
  element: string | null;
  unexpected: boolean;
}

function describeFailure(err: unknown): Failure {
  if (err instanceof ExchangeFormatError) {
    return {
      message: err.message,
      line: err.line,
      column: err.column,
      element: err.element,
      unexpected: false,
    };
  }
  if (err instanceof ImportRecordError) {
    return {
      message: err.message,
      line: err.line,
      column: null,
      element: err.element,
      unexpected: false,
    };
  }
  if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') {
    return {
      message: 'The import was stopped (the exchange cycle ran out of time); nothing was saved',
      line: null,
      column: null,
      element: null,
      unexpected: false,
    };
  }
  return {
    message: `Unexpected error: ${(err as Error).message}`,
    line: null,
    column: null,
    element: null,
    unexpected: true,
  };
}

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
export function errorReport(f: FileView | ExchangeFile): string {
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
