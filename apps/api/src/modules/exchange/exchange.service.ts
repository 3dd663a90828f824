import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database } from '../../database/sql';
import type { RunTrigger } from './exchange-run.entity';
import { ExportService } from './export.service';
import { addToRun, importLocalFile, type CycleResult } from './exchange-runs';
import { ExchangeRepository } from './exchange.repository';
import { FileImporterService } from './file-importer.service';
import { ImportLedgerRepository } from './import-ledger.repository';
import {
  EXCHANGE_SOURCE,
  type ExchangeSource,
  type InboxFile,
  type SourceSession,
} from './sources/source';

export type { CycleResult } from './exchange-runs';

/**
 * The exchange cycle: claim complete files from the inbox in name order, import each in its own
 * transaction, move it to processed/ or failed/ (with an error report), then write pending
 * changes to the outbox. One connection per cycle, closed in `finally`; a timeout around it all.
 */
@Injectable()
export class ExchangeService implements OnApplicationShutdown {
  private readonly logger = new Logger(ExchangeService.name);
  private readonly running = new Set<Promise<unknown>>();
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: ExchangeRepository,
    private readonly ledger: ImportLedgerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXCHANGE_SOURCE) private readonly source: ExchangeSource | null,
    private readonly importer: FileImporterService,
    private readonly exports: ExportService,
    private readonly clock: Clock,
  ) {}

  get sourceLocation(): string | null {
    return this.source?.location ?? null;
  }

  requireSource(): ExchangeSource {
    if (!this.source) {
      throw new DomainError('conflict', 'The exchange is switched off (EXCHANGE_SOURCE=off)');
    }
    return this.source;
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Starts a cycle in the background ("run now"); 409 when one is going on any replica. */
  async startCycle(trigger: RunTrigger): Promise<void> {
    this.requireSource();
    if (await this.isCycleRunning()) {
      throw new DomainError('conflict', 'An exchange run is in progress');
    }
    this.track(
      this.runCycle(trigger).catch((err: unknown) =>
        this.logger.error(err, 'Exchange cycle failed'),
      ),
    );
  }

  private track(p: Promise<unknown>) {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  isCycleRunning(): Promise<boolean> {
    return this.repo.isCycleRunning();
  }

  /**
   * Runs one cycle unless another is running (anywhere): then returns null. The lock is a
   * session-level advisory lock on a dedicated connection; PostgreSQL drops it if we die.
   */
  async runCycle(trigger: RunTrigger): Promise<CycleResult | null> {
    const source = this.requireSource();
    return this.db.session(async (conn) => {
      const lock = this.repo.in(conn);
      if (!(await lock.tryCycleLock())) return null;
      try {
        return await this.cycle(source, trigger);
      } finally {
        await lock.releaseCycleLock();
      }
    });
  }

  private async cycle(source: ExchangeSource, trigger: RunTrigger): Promise<CycleResult> {
    // Whatever was running when we got the lock died with its process.
    await this.repo.interruptUnfinished(this.clock.now());
    // A run is recorded only when there is something to report: a file taken from the inbox,
    // changes written to the outbox, or an error. A cycle that finds nothing (every minute, most
    // minutes) only moves "last checked" forward.
    const startedAt = this.clock.now();
    const result: CycleResult = {
      runId: null,
      status: 'succeeded',
      files: [],
      exported: 0,
      error: null,
    };
    const recordRun = async (): Promise<string> => {
      if (result.runId) return result.runId;
      result.runId = await this.ledger.startRun({ trigger, source: source.location, startedAt });
      return result.runId;
    };
    const signal = AbortSignal.any([
      AbortSignal.timeout(this.config.exchange.cycleTimeoutMs),
      this.shutdown.signal,
    ]);
    const work = mkdtemp(join(tmpdir(), 'kabinet-exchange-'));
    let session: SourceSession | null = null;
    try {
      session = await abortable(source.open(), signal);
      const s = session;
      await this.recover(s);
      const files = await this.completeFiles(s, signal);
      for (const file of files) {
        signal.throwIfAborted();
        if (!(await s.claim(file.name))) continue; // another poller took it
        const runId = await recordRun();
        const local = join(await work, `${randomUUID()}.xml`);
        await abortable(s.download(file.name, local), signal);
        const outcome = await this.importer.import({
          localPath: local,
          name: file.name,
          runId,
          signal,
        });
        await rm(local, { force: true });
        const storedName = `${stamp(this.clock.now())}_${file.name}`;
        const storedPath = await s.finish(
          file.name,
          outcome.status === 'failed' ? 'failed' : 'processed',
          storedName,
          outcome.status === 'failed' ? outcome.report : undefined,
        );
        await this.repo.setStoredPath(outcome.fileId, storedPath);
        result.files.push({ name: file.name, ...outcome });
        await addToRun(this.db, runId, outcome);
      }
      result.exported = await this.exports.flush(s);
    } catch (err) {
      result.error = signal.aborted
        ? this.shutdown.signal.aborted
          ? 'The application is shutting down'
          : `The exchange run took longer than ${this.config.exchange.cycleTimeoutMs / 1000} s`
        : `${(err as Error).message}`;
      this.logger.warn(`Exchange run failed: ${result.error}`);
    } finally {
      await session?.close();
      await rm(await work, { recursive: true, force: true });
    }
    if (result.error || result.files.some((f) => f.status === 'failed')) result.status = 'failed';
    const finishedAt = this.clock.now();
    if (!result.error) await this.repo.setLastChecked(finishedAt);
    if (result.runId || result.error || result.exported > 0) {
      await this.repo.finishRun(await recordRun(), {
        status: result.status,
        finishedAt,
        error: result.error,
        exported: result.exported,
      });
    }
    return result;
  }

  /** Files left in processing/ by a cycle that died go back to the inbox, to import again. */
  private async recover(session: SourceSession): Promise<void> {
    for (const f of await session.listProcessing()) {
      this.logger.warn(`Recovering ${f.name} left in processing/ by an interrupted run`);
      await session.release(f.name);
    }
  }

  /**
   * `*.xml` files whose size and time did not change over `stableMs` (1C should upload as
   * `*.tmp` and rename; this catches the uploads that don't).
   */
  private async completeFiles(session: SourceSession, signal: AbortSignal): Promise<InboxFile[]> {
    const first = await session.listInbox();
    if (!first.length || this.config.exchange.stableMs === 0) return first;
    await sleep(this.config.exchange.stableMs, undefined, { signal });
    const second = new Map((await session.listInbox()).map((f) => [f.name, f]));
    return first.filter((f) => {
      const again = second.get(f.name);
      const stable = again && again.size === f.size && again.modifiedAt === f.modifiedAt;
      if (!stable) this.logger.log(`${f.name} is still being uploaded; next run takes it`);
      return stable;
    });
  }

  /**
   * Imports a local file through the same importer and ledger, without moving it: what
   * `pnpm kabinet import <file>` and the demo data use.
   */
  importLocalFile(path: string, trigger: RunTrigger): Promise<CycleResult> {
    return importLocalFile(
      {
        db: this.db,
        now: () => this.clock.now(),
        importFile: (request) => this.importer.import(request),
      },
      path,
      trigger,
    );
  }
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}
