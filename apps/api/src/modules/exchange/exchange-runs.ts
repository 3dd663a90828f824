import { basename } from 'node:path';
import type { RunTrigger } from './exchange-run.entity';
import type { ImportOutcome, ImportRequest } from './import-ledger';
import type { Sql } from '../../database/portable-sql';

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
export async function addToRun(db: Sql, runId: string, outcome: ImportOutcome): Promise<void> {
  const c =
    outcome.status === 'imported'
      ? outcome.counts
      : { created: 0, updated: 0, unchanged: 0, archived: 0 };
  await db.query(
    `UPDATE exchange_runs SET
       files_imported = files_imported + $2, files_failed = files_failed + $3,
       files_duplicate = files_duplicate + $4, created = created + $5, updated = updated + $6,
       unchanged = unchanged + $7, archived = archived + $8, warnings = warnings + $9
     WHERE id = $1`,
    [
      runId,
      outcome.status === 'imported' ? 1 : 0,
      outcome.status === 'failed' ? 1 : 0,
      outcome.status === 'duplicate' ? 1 : 0,
      c.created,
      c.updated,
      c.unchanged,
      c.archived,
      outcome.status === 'imported' ? outcome.warningCount : 0,
    ],
  );
}

/**
 * Imports a local file through the same importer and ledger, without moving it: what
 * `pnpm kabinet import <file>` and the demo data use. A run of its own records it.
 */
export async function importLocalFile(
  deps: {
    db: Sql;
    now(): Date | Promise<Date>;
    importFile(request: ImportRequest): Promise<ImportOutcome>;
  },
  path: string,
  trigger: RunTrigger,
): Promise<CycleResult> {
  const { db } = deps;
  const run = await db.query<{ id: string }>(
    `INSERT INTO exchange_runs (trigger, status, source, started_at)
     VALUES ($1, 'running', $2, $3) RETURNING id`,
    [trigger, path, await deps.now()],
  );
  const runId = run[0]!.id;
  const outcome = await deps.importFile({ localPath: path, name: basename(path), runId });
  await addToRun(db, runId, outcome);
  const status = outcome.status === 'failed' ? 'failed' : 'succeeded';
  await db.query('UPDATE exchange_runs SET status = $2, finished_at = $3 WHERE id = $1', [
    runId,
    status,
    await deps.now(),
  ]);
  return {
    runId,
    status,
    files: [{ name: basename(path), ...outcome }],
    exported: 0,
    error: null,
  };
}
