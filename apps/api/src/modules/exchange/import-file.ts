// One file's import itself (ledger, one transaction, progress), run by whichever process imports.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import {
  ExchangeFormatError,
  ImportNotes,
  parseExchange,
  type ExchangeHeader,
} from '@kabinet/exchange-1c';
import type { RecordCounts } from './exchange-file.entity';
import { FileRecords } from './importers';
import { ImportRecordError } from './record-importer';
import {
  STOPPED,
  markFailed,
  type Failure,
  type ImportDeps,
  type ImportOutcome,
  type ImportRequest,
} from './import-ledger';
import { ImportLedgerRepository } from './import-ledger.repository';

// The import of one file, free of Nest and TypeORM: the API runs it in-process (tests) or hands
// it to the slim import process (import-child.ts), which loads only `pg`, the 1C format library
// and this code. Both paths run exactly these statements.

/** How often the progress bar's `bytes_processed` is written while a file imports. */
const PROGRESS_EVERY_MS = 500;
/**
 * Read buffer of the file stream. Small, so the bytes in flight stay small: sax consumes text
 * far slower than the disk delivers it, and every chunk becomes a decoded string too.
 */
const READ_CHUNK_BYTES = 16 * 1024;

/** The file's SHA-256, read through one reused buffer (a stream would leave 50 MB of garbage). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(64 * 1024);
  const file = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/**
 * Imports one file: a ledger row first (committed, so the admin page sees it), then every record
 * in ONE transaction — all or nothing. The same bytes imported before are a no-op ("duplicate").
 */
export async function importFile(deps: ImportDeps, request: ImportRequest): Promise<ImportOutcome> {
  const { db } = deps;
  const ledger = new ImportLedgerRepository(db);
  const size = (await stat(request.localPath)).size;
  const sha256 = await sha256File(request.localPath);
  const startedAt = await deps.now();
  const file = { runId: request.runId, name: request.name, size, sha256, startedAt };
  const previous = await ledger.importedBySha256(sha256);
  if (previous) {
    const fileId = await ledger.insertDuplicate(file);
    return { status: 'duplicate', fileId, duplicateOf: previous };
  }
  const fileId = await ledger.insertImporting(file);
  deps.onLedgerRow?.(fileId);
  let header: ExchangeHeader | null = null;
  let skipped = 0;
  let lastProgress = 0;
  const notes = new ImportNotes();
  try {
    const result = await db.transaction(async (tx) => {
      const records = new FileRecords(tx, startedAt, (w) => notes.warn(w));
      const input = createReadStream(request.localPath, { highWaterMark: READ_CHUNK_BYTES });
      for await (const event of parseExchange(input)) {
        request.signal?.throwIfAborted();
        switch (event.kind) {
          case 'header':
            header = event.header;
            break;
          case 'record':
            await records.apply(event.record);
            break;
          case 'warning':
            notes.warn(event.warning);
            break;
          case 'skipped':
            skipped++;
            notes.skip(event);
            break;
          case 'progress':
            if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
              lastProgress = Date.now();
              await ledger.setProgress(fileId, event.bytes);
            }
            break;
        }
      }
      if (!header) throw new ExchangeFormatError('The file has no exchange data', 1, 1, null);
      await records.finish(header);
      const totals = records.totals();
      const counts: RecordCounts = records.counts;
      // Marking the ledger inside the same transaction: the file counts as imported exactly
      // when its data is committed (a kill before COMMIT leaves neither).
      const finishedAt = await deps.now();
      await ledger.in(tx).markImported(fileId, {
        finishedAt,
        ...totals,
        skipped,
        counts,
        header,
        warnings: notes.warnings,
        warningCount: notes.warningCount,
        skippedSections: notes.skipped,
      });
      // Last: what the records did, as domain events (the notifications follow from them).
      await records.flushEvents();
      return totals;
    });
    return {
      status: 'imported',
      fileId,
      counts: result,
      warningCount: notes.warningCount,
      warnings: notes.warnings,
      skipped: notes.skipped,
    };
  } catch (err) {
    const failure = describeFailure(err);
    if (failure.unexpected) deps.logError?.(err, `Import of ${request.name} failed`);
    const duplicateRace =
      (err as { code?: string; constraint?: string }).constraint ===
      'exchange_files_sha256_imported_uq';
    if (duplicateRace) {
      await ledger.markDuplicate(fileId, await deps.now(), header);
      return { status: 'duplicate', fileId, duplicateOf: '' };
    }
    return markFailed(db, fileId, failure, await deps.now(), header);
  }
}

export function describeFailure(err: unknown): Failure {
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
    return { ...STOPPED, unexpected: false };
  }
  return {
    message: `Unexpected error: ${(err as Error).message}`,
    line: null,
    column: null,
    element: null,
    unexpected: true,
  };
}
