import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { Readable } from 'node:stream';
import {
  FAILED,
  PROCESSED,
  PROCESSING,
  isImportName,
  type ExchangeSource,
  type InboxFile,
  type SourceSession,
} from './source';

/**
 * A local folder as the exchange source: the embedded default (`.data/exchange/inbox`), and what
 * `pnpm kabinet import <file>` uses. Same layout and same atomic renames as the SFTP source.
 */
export class LocalFolderSource implements ExchangeSource {
  readonly kind = 'local' as const;
  constructor(
    private readonly inbox: string,
    private readonly outbox: string,
  ) {}

  get location(): string {
    return this.inbox;
  }

  async open(): Promise<SourceSession> {
    for (const dir of [
      this.inbox,
      this.outbox,
      ...[PROCESSING, PROCESSED, FAILED].map((d) => join(this.inbox, d)),
    ]) {
      await mkdir(dir, { recursive: true });
    }
    return new LocalSession(this.inbox, this.outbox);
  }
}

class LocalSession implements SourceSession {
  constructor(
    private readonly inbox: string,
    private readonly outbox: string,
  ) {}

  private async list(dir: string): Promise<InboxFile[]> {
    const files: InboxFile[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !isImportName(entry.name)) continue;
      const s = await stat(join(dir, entry.name)).catch(() => null);
      if (s) files.push({ name: entry.name, size: s.size, modifiedAt: s.mtimeMs });
    }
    return files.sort((a, b) => a.name.localeCompare(b.name) || a.modifiedAt - b.modifiedAt);
  }

  listInbox() {
    return this.list(this.inbox);
  }

  listProcessing() {
    return this.list(join(this.inbox, PROCESSING));
  }

  async claim(name: string): Promise<boolean> {
    try {
      await rename(join(this.inbox, name), join(this.inbox, PROCESSING, name));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async release(name: string): Promise<void> {
    await rename(join(this.inbox, PROCESSING, name), join(this.inbox, name));
  }

  async download(name: string, localPath: string): Promise<void> {
    await copyFile(join(this.inbox, PROCESSING, name), localPath);
  }

  async finish(
    name: string,
    outcome: 'processed' | 'failed',
    storedName: string,
    report?: string,
  ): Promise<string> {
    const folder = outcome === 'processed' ? PROCESSED : FAILED;
    if (report !== undefined) {
      await writeFile(join(this.inbox, folder, `${storedName}.error.txt`), report, 'utf8');
    }
    await rename(join(this.inbox, PROCESSING, name), join(this.inbox, folder, storedName));
    return `${folder}/${storedName}`;
  }

  async putInbox(name: string, localPath: string): Promise<void> {
    const tmp = join(this.inbox, `${name}.tmp`);
    await copyFile(localPath, tmp);
    await rename(tmp, join(this.inbox, name));
  }

  readStored(storedPath: string): Promise<Readable> {
    const path = normalize(storedPath);
    if (path.startsWith('..') || !/^(processed|failed)\//.test(path)) {
      return Promise.reject(new Error(`Not a stored file: ${storedPath}`));
    }
    const stream = createReadStream(join(this.inbox, path));
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', reject);
    });
  }

  async writeOutbox(name: string, data: Buffer): Promise<void> {
    const tmp = join(this.outbox, `${name}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, join(this.outbox, name));
  }

  async close(): Promise<void> {}
}
