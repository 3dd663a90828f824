import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { posix } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SftpClient from 'ssh2-sftp-client';
import {
  FAILED,
  PROCESSED,
  PROCESSING,
  isImportName,
  type ExchangeSource,
  type InboxFile,
  type SourceSession,
} from './source';

export interface SftpOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: Buffer;
  passphrase?: string;
  /** OpenSSH fingerprint of the server's host key (`SHA256:...`); unset trusts any key. */
  hostKeySha256?: string;
  inbox: string;
  outbox: string;
  /** How long to wait for the connection and the handshake. */
  connectTimeoutMs: number;
}

/** The SFTP server 1C uploads to (WinSCP-style scripts); one connection per cycle. */
export class SftpSource implements ExchangeSource {
  readonly kind = 'sftp' as const;
  constructor(private readonly options: SftpOptions) {}

  get location(): string {
    const o = this.options;
    return `sftp://${o.username}@${o.host}:${o.port}${o.inbox}`;
  }

  async open(): Promise<SourceSession> {
    const o = this.options;
    const client = new SftpClient('kabinet-exchange');
    try {
      await client.connect({
        host: o.host,
        port: o.port,
        username: o.username,
        ...(o.password !== undefined ? { password: o.password } : {}),
        ...(o.privateKey ? { privateKey: o.privateKey } : {}),
        ...(o.passphrase ? { passphrase: o.passphrase } : {}),
        readyTimeout: o.connectTimeoutMs,
        retries: 0,
        ...(o.hostKeySha256
          ? {
              hostVerifier: (key: Buffer) =>
                `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}` ===
                o.hostKeySha256,
            }
          : {}),
      });
      for (const dir of [PROCESSING, PROCESSED, FAILED]) {
        const path = posix.join(o.inbox, dir);
        if (!(await client.exists(path))) await client.mkdir(path, true);
      }
      if (!(await client.exists(o.outbox))) await client.mkdir(o.outbox, true);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return new SftpSession(client, o.inbox, o.outbox);
  }
}

function isGone(err: unknown): boolean {
  const e = err as { code?: unknown; message?: string };
  return e.code === 2 || e.code === 'ENOENT' || /no such file/i.test(e.message ?? '');
}

class SftpSession implements SourceSession {
  constructor(
    private readonly client: SftpClient,
    private readonly inbox: string,
    private readonly outbox: string,
  ) {}

  private path(...parts: string[]): string {
    return posix.join(this.inbox, ...parts);
  }

  private async list(dir: string): Promise<InboxFile[]> {
    const entries = await this.client.list(dir);
    return entries
      .filter((e) => e.type === '-' && isImportName(e.name))
      .map((e) => ({ name: e.name, size: e.size, modifiedAt: e.modifyTime }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.modifiedAt - b.modifiedAt);
  }

  listInbox() {
    return this.list(this.inbox);
  }

  listProcessing() {
    return this.list(this.path(PROCESSING));
  }

  async claim(name: string): Promise<boolean> {
    try {
      await this.client.posixRename(this.path(name), this.path(PROCESSING, name));
      return true;
    } catch (err) {
      if (isGone(err)) return false;
      throw err;
    }
  }

  async release(name: string): Promise<void> {
    await this.client.posixRename(this.path(PROCESSING, name), this.path(name));
  }

  async download(name: string, localPath: string): Promise<void> {
    await this.client.get(this.path(PROCESSING, name), createWriteStream(localPath));
  }

  async finish(
    name: string,
    outcome: 'processed' | 'failed',
    storedName: string,
    report?: string,
  ): Promise<string> {
    const folder = outcome === 'processed' ? PROCESSED : FAILED;
    if (report !== undefined) {
      await this.client.put(
        Buffer.from(report, 'utf8'),
        this.path(folder, `${storedName}.error.txt`),
      );
    }
    await this.client.posixRename(this.path(PROCESSING, name), this.path(folder, storedName));
    return `${folder}/${storedName}`;
  }

  async putInbox(name: string, localPath: string): Promise<void> {
    const tmp = this.path(`${name}.tmp`);
    await this.client.put(createReadStream(localPath), tmp);
    await this.client.posixRename(tmp, this.path(name));
  }

  async readStored(storedPath: string): Promise<Readable> {
    const path = posix.normalize(storedPath);
    if (path.startsWith('..') || !/^(processed|failed)\//.test(path)) {
      throw new Error(`Not a stored file: ${storedPath}`);
    }
    if (!(await this.client.exists(this.path(path)))) {
      const err = new Error(`No such file: ${storedPath}`) as NodeJS.ErrnoException;
      err.code = 'ENOENT';
      throw err;
    }
    // The stream outlives this call; the caller closes the session when it ends.
    const out = new PassThrough();
    pipeline(this.client.createReadStream(this.path(path)), out).catch((err: unknown) =>
      out.destroy(err as Error),
    );
    return out;
  }

  async writeOutbox(name: string, data: Buffer): Promise<void> {
    const tmp = posix.join(this.outbox, `${name}.tmp`);
    const target = posix.join(this.outbox, name);
    await this.client.put(data, tmp);
    await this.client.posixRename(tmp, target);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
