import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import type { RunStatus } from './exchange-run.entity';
import type { ExchangeFileRow, ExchangeRunRow } from './import-ledger.repository';

/** The advisory lock that makes one exchange cycle run at a time across all replicas. */
const CYCLE_LOCK = 0x1c_ca_b1; // "1C cabinet"

/** The exchange page's summary. */
export interface ExchangeStatusRow {
  last: Date | null;
  checked: Date | null;
  /** bigint */
  pending: string;
}

/** The cycle's lock and bookkeeping around the ledger, and what the exchange page reads. */
@Injectable()
export class ExchangeRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Takes the cycle's session-level lock unless another session holds it: answers whether. */
  async tryCycleLock(): Promise<boolean> {
    const rows = await this.db.query<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_lock(${CYCLE_LOCK}) AS ok`,
    );
    return rows[0]?.ok ?? false;
  }

  async releaseCycleLock(): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_unlock(${CYCLE_LOCK})`);
  }

  /** Whether a cycle holds the lock, on any replica. */
  async isCycleRunning(): Promise<boolean> {
    const rows = await this.db.query<{ held: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                           AND objid = ${CYCLE_LOCK}
                           AND database = (SELECT oid FROM pg_database
                                            WHERE datname = current_database()))
                 AS held`,
    );
    return rows[0]?.held ?? false;
  }

  /** Runs and imports left running by a process that died are marked interrupted. */
  async interruptUnfinished(at: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_runs SET status = 'interrupted', finished_at = ${at},
                 error = 'The process stopped during the run' WHERE status = 'running'`,
    );
    await this.db.query(
      sql`UPDATE exchange_files SET status = 'interrupted', finished_at = ${at},
                 error_message = 'The process stopped during the import; nothing was saved and the file is imported again'
           WHERE status = 'importing'`,
    );
  }

  /** Where the source keeps the file now (processed/ or failed/). */
  async setStoredPath(fileId: string, storedPath: string): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_files SET stored_path = ${storedPath} WHERE id = ${fileId}`,
    );
  }

  /** The end of a cycle that could look at the source. */
  async setLastChecked(at: Date): Promise<void> {
    await this.db.query(
      sql`INSERT INTO exchange_state (id, last_checked_at) VALUES (1, ${at})
          ON CONFLICT (id) DO UPDATE SET last_checked_at = EXCLUDED.last_checked_at`,
    );
  }

  /** A cycle's run ends. */
  async finishRun(
    runId: string,
    run: { status: RunStatus; finishedAt: Date; error: string | null; exported: number },
  ): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_runs SET status = ${run.status}, finished_at = ${run.finishedAt},
                 error = ${run.error}, changes_exported = ${run.exported}
           WHERE id = ${runId}`,
    );
  }

  /** The last import, the last look at the source and the changes waiting for the outbox. */
  async status(): Promise<ExchangeStatusRow | undefined> {
    const rows = await this.db.query<ExchangeStatusRow>(
      sql`SELECT (SELECT max(finished_at) FROM exchange_files WHERE status = 'imported') AS last,
                 (SELECT last_checked_at FROM exchange_state WHERE id = 1) AS checked,
                 (SELECT count(*) FROM exchange_export_changes WHERE export_file_id IS NULL)
                   AS pending`,
    );
    return rows[0];
  }

  /** A page of runs, newest first, `total_count` on every row. */
  async runsPage(
    limit: number,
    offset: number,
  ): Promise<Array<ExchangeRunRow & { total_count: string }>> {
    return this.db.query(
      // Runs that found nothing to do (earlier versions recorded one a minute) are not shown.
      sql`SELECT *, count(*) OVER () AS total_count FROM exchange_runs
           WHERE NOT (status = 'succeeded' AND files_imported = 0 AND files_failed = 0
                      AND files_duplicate = 0 AND changes_exported = 0 AND error IS NULL)
           ORDER BY started_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
    );
  }

  /** The files of these runs. */
  async filesOfRuns(runIds: string[]): Promise<ExchangeFileRow[]> {
    return this.db.query(
      sql`SELECT * FROM exchange_files WHERE run_id = ANY(${runIds}) ORDER BY started_at, name`,
    );
  }

  async file(id: string): Promise<ExchangeFileRow | undefined> {
    const rows = await this.db.query<ExchangeFileRow>(
      sql`SELECT * FROM exchange_files WHERE id = ${id}`,
    );
    return rows[0];
  }
}
