import { basename } from 'node:path';
import type { Db } from '../../database/sql';
import type { RunTrigger } from './exchange-run.entity';
import type { ImportOutcome, ImportRequest } from './import-ledger';
import { ImportLedgerRepository } from './import-ledger.repository';

// The run bookkeeping of imports, free of Nest: the exchange cycle and `kabinet import` (which
// does not boot the API) share it.

export interface CycleResult {
  /** The run recorded for this cycle; null when it found nothing to do (no run is recorded). */
  runId: string | null;
  status: 'succeeded' | 'failed';
  files: Array<{ name: string } & ImportOutcome>;
  exported: number;
  error: string | null;
}

/** Adds a file's outcome to its run's totals. */
export async function addToRun(db: Db, runId: string, outcome: ImportOutcome): Promise<void> {
  const c =
    outcome.status === 'imported'
      ? outcome.counts
      : { created: 0, updated: 0, unchanged: 0, archived: 0 };
  await new ImportLedgerRepository(db).addToRun(runId, {
    imported: outcome.status === 'imported' ? 1 : 0,
    failed: outcome.status === 'failed' ? 1 : 0,
    duplicate: outcome.status === 'duplicate' ? 1 : 0,
    created: c.created,
    updated: c.updated,
    unchanged: c.unchanged,
    archived: c.archived,
    warnings: outcome.status === 'imported' ? outcome.warningCount : 0,
  });
}

/**
 * Imports a local file through the same importer and ledger, without moving it: what
 * `pnpm kabinet import <file>` and the demo data use. A run of its own records it.
 */
export async function importLocalFile(
  deps: {
    db: Db;
    now(): Date | Promise<Date>;
    importFile(request: ImportRequest): Promise<ImportOutcome>;
  },
  path: string,
  trigger: RunTrigger,
): Promise<CycleResult> {
  const ledger = new ImportLedgerRepository(deps.db);
  const runId = await ledger.startRun({ trigger, source: path, startedAt: await deps.now() });
  const outcome = await deps.importFile({ localPath: path, name: basename(path), runId });
  await addToRun(deps.db, runId, outcome);
  const status = outcome.status === 'failed' ? 'failed' : 'succeeded';
  await ledger.finishRun(runId, status, await deps.now());
  return {
    runId,
    status,
    files: [{ name: basename(path), ...outcome }],
    exported: 0,
    error: null,
  };
}
