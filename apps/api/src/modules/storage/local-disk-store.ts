import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertBlobKey,
  type BlobBody,
  type BlobStat,
  type BlobStore,
  type ByteRange,
} from './blob-store';

/** Where writes in progress go, inside the store's folder (same file system, so rename is atomic). */
const TEMP = '.tmp';
/** A file in `.tmp` this old belongs to no write in progress (a crash left it): removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

function missing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A `BlobStore` in a folder on this machine (`DATA_DIR/blobs`): a blob is the file at its key's
 * path (`chat/3f/a9/3fa9…`), readable only by the app's user. A write goes to `.tmp/` first, is
 * flushed to disk, then renamed into place: a reader sees the old blob or the whole new one, and
 * a failed write leaves nothing. Several replicas need this folder shared (or an S3 store).
 */
export class LocalDiskStore implements BlobStore {
  private staleSwept = false;

  constructor(readonly root: string) {}

  private path(key: string): string {
    assertBlobKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable | Buffer): Promise<{ size: number }> {
    // A stream that fails before the pipeline below is attached must not be an uncaught error:
    // the pipeline finds it errored and rejects with its error.
    if (!Buffer.isBuffer(body)) body.on('error', () => undefined);
    const target = this.path(key);
    const tempDir = join(this.root, TEMP);
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    if (!this.staleSwept) {
      this.staleSwept = true;
      await this.removeStaleTemp(new Date(Date.now() - STALE_TEMP_MS)).catch(() => undefined);
    }
    const temp = join(tempDir, randomUUID());
    try {
      if (Buffer.isBuffer(body)) {
        await writeFile(temp, body, { flag: 'wx', mode: 0o600, flush: true });
      } else {
        await pipeline(body, createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
      }
      const { size } = await stat(temp);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(temp, target);
      return { size };
    } catch (err) {
      if (!Buffer.isBuffer(body)) body.destroy();
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<BlobBody | null> {
    const path = this.path(key);
    // Opened first, then sized: a blob deleted meanwhile is still read whole from the open file.
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
    try {
      const { size, isFile } = await handle.stat().then((s) => ({
        size: s.size,
        isFile: s.isFile(),
      }));
      if (!isFile) {
        await handle.close();
        return null;
      }
      if (range && !(range.start >= 0 && range.start <= range.end && range.end < size)) {
        throw new RangeError(`Bytes ${range.start}-${range.end} are not within ${size} bytes`);
      }
      const stream = handle.createReadStream(
        range ? { start: range.start, end: range.end } : { start: 0 },
      );
      return { stream, size, range: range ?? null };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { key, size: s.size, modifiedAt: s.mtime } : null;
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<boolean> {
    try {
      await unlink(this.path(key));
      return true;
    } catch (err) {
      if (missing(err)) return false;
      throw err;
    }
    // Empty shard folders stay: removing one could race a write renaming a file into it.
  }

  async *list(prefix: string): AsyncIterable<BlobStat> {
    // Walk only the folders the prefix can be in: `chat/` → <root>/chat.
    const parts = prefix.split('/');
    const folders = parts.slice(0, -1);
    if (folders.some((p) => !/^[a-z0-9][a-z0-9_.-]*$/.test(p))) return;
    yield* this.walk(join(this.root, ...folders), folders.join('/'), prefix);
  }

  private async *walk(dir: string, keyDir: string, prefix: string): AsyncIterable<BlobStat> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (missing(err)) return;
      throw err;
    }
    for (const entry of entries) {
      // `.tmp` and anything else not a key's part is not a blob.
      if (!/^[a-z0-9]/.test(entry.name)) continue;
      const key = keyDir ? `${keyDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) {
          yield* this.walk(join(dir, entry.name), key, prefix);
        }
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const s = await stat(join(dir, entry.name)).catch((err: unknown) => {
          if (missing(err)) return null;
          throw err;
        });
        if (s) yield { key, size: s.size, modifiedAt: s.mtime };
      }
    }
  }

  /** Removes what writes that never finished (a crash) left in `.tmp` before `before`. */
  async removeStaleTemp(before: Date): Promise<number> {
    const dir = join(this.root, TEMP);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      if (missing(err)) return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      const s = await stat(path).catch(() => null);
      if (s && s.mtime < before) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }
}
