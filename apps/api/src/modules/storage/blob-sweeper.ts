import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { BLOB_STORE, isBlobNamespace, type BlobStore } from './blob-store';

export interface SweepOptions {
  /** Whose blobs: only keys under `<namespace>/` are looked at (never the whole store). */
  namespace: string;
  /**
   * Which of `keys` the owner still refers to (its rows' storage and thumbnail keys); every other
   * one is deleted. Asked for a batch at a time; throwing stops the sweep with nothing of that
   * batch deleted.
   */
  referenced(keys: string[]): Promise<Iterable<string>>;
  /**
   * Only blobs written this long ago or earlier (at least `MIN_SWEEP_AGE_MS`): a blob is put
   * before the row that refers to it commits, and must not be swept in between. Default a day.
   */
  minAgeMs?: number;
  batchSize?: number;
}

export interface SweepResult {
  examined: number;
  deleted: string[];
}

/** Uploads are stored before their row commits: younger blobs are never swept. */
export const MIN_SWEEP_AGE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Housekeeping: deletes the blobs of one owner that nothing refers to any more — a row deleted
 * whose `UploadsService.discard` failed or never ran (a crash between the two). The owner (the
 * chat service for `chat/`) calls it from its daily job with a `referenced` that asks its table.
 * Safe by construction: one namespace at a time, old blobs only, and only what the owner says it
 * does not know.
 */
@Injectable()
export class BlobSweeper {
  private readonly logger = new Logger(BlobSweeper.name);

  constructor(
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly clock: Clock,
  ) {}

  async sweep(options: SweepOptions): Promise<SweepResult> {
    if (!isBlobNamespace(options.namespace)) {
      throw new Error(`Not a blob namespace: ${options.namespace}`);
    }
    const minAge = Math.max(options.minAgeMs ?? DAY_MS, MIN_SWEEP_AGE_MS);
    const before = this.clock.now().getTime() - minAge;
    const batchSize = options.batchSize ?? 500;
    const result: SweepResult = { examined: 0, deleted: [] };
    let batch: string[] = [];
    const flush = async () => {
      const keep = new Set(await options.referenced(batch));
      for (const key of batch) {
        if (!keep.has(key) && (await this.store.delete(key))) result.deleted.push(key);
      }
      batch = [];
    };
    for await (const blob of this.store.list(`${options.namespace}/`)) {
      result.examined++;
      if (blob.modifiedAt.getTime() > before) continue;
      batch.push(blob.key);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    if (result.deleted.length) {
      this.logger.log(
        `Deleted ${result.deleted.length} unreferenced blob(s) under ${options.namespace}/`,
      );
    }
    return result;
  }
}
