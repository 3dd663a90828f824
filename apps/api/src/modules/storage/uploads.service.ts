import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { classifyUpload, UPLOAD_TYPES_ALLOWED } from '../files/sniff';
import type { ByteSource } from '../files/zip';
import {
  BLOB_STORE,
  isBlobKey,
  isBlobNamespace,
  newBlobKey,
  thumbnailKey,
  type BlobStore,
} from './blob-store';
import { processImage, THUMBNAIL_MIME } from './images';
import { sendBlob, type BlobToSend, type SendBlobOptions } from './send-blob';
import { uploadDisplayName } from './upload-name';

/**
 * A file part as it arrives: `@fastify/multipart`'s `MultipartFile` is one (`part.filename`,
 * `part.file` with its `truncated` flag when the part was cut at `readSingleUpload`'s `fileSize`).
 */
export interface IncomingFile {
  filename: string;
  file: Readable & { truncated?: boolean };
}

export interface AcceptOptions {
  /** Whose blob it becomes: the first part of its key (`chat`), what `BlobSweeper` sweeps by. */
  namespace: string;
  /** The most bytes the file may have (`CHAT_LIMITS.fileBytes`); more is a 413. */
  maxBytes: number;
}

/** What was stored: what the caller records (and shows) about the file. */
export interface AcceptedUpload {
  /** The original's blob (for an image, the re-encoded one without metadata). */
  storageKey: string;
  /** An image's thumbnail (`THUMBNAIL_MIME`), or null. */
  thumbKey: string | null;
  /** Bytes stored under `storageKey`: what a download sends. */
  size: number;
  /** Read from the bytes, never from the sender. */
  mime: string;
  kind: 'image' | 'file';
  /** Pixels as shown (upright), for images; null for other files. */
  width: number | null;
  height: number | null;
  /** The sender's file name made safe to show (`uploadDisplayName`). */
  name: string;
}

/** The keys of an upload, for `discard`. */
export interface UploadKeys {
  storageKey: string;
  thumbKey: string | null;
}

/** A staging file this old is no upload in progress (the process died): removed at start. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/**
 * Takes uploads in and hands stored files out, for every feature with attachments (chats now;
 * photo reports and tickets later). The feature checks who may upload or read; this service
 * checks what the file is:
 *
 * - `accept`: streams the part to a staging file while counting (over the cap: 413, nothing
 *   kept), reads the type from the bytes (`classifyUpload`: not allowed is a 400 naming what is),
 *   re-encodes images without metadata and makes their thumbnails (`processImage`), and stores
 *   the result under new random keys in the `BlobStore`.
 * - `discard`: removes an upload's blobs (one never sent, or whose record is gone).
 * - `send`: answers a stored file (`sendBlob`).
 */
@Injectable()
export class UploadsService implements OnModuleInit {
  private readonly logger = new Logger(UploadsService.name);
  private readonly tempDir: string;

  constructor(
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tempDir = config.storage.tempDir;
  }

  async onModuleInit(): Promise<void> {
    await this.removeStaleStaging(new Date(Date.now() - STALE_STAGING_MS)).catch((err: unknown) =>
      this.logger.warn(`Could not clean ${this.tempDir}: ${(err as Error).message}`),
    );
  }

  /**
   * Checks and stores one uploaded file. Call it with the part from `readSingleUpload(req,
   * { what, fileSize: maxBytes })`, inside that upload's `read(...)`, after the caller's access
   * check. Throws a `DomainError`: `payload_too_large` (413) past `maxBytes`;
   * `validation_failed` (400) on `file` for an empty file, a type not allowed, an image that
   * cannot be decoded. Whatever it throws, nothing is left stored or staged.
   */
  async accept(file: IncomingFile, options: AcceptOptions): Promise<AcceptedUpload> {
    if (!isBlobNamespace(options.namespace)) {
      throw new Error(`Not a blob namespace: ${options.namespace}`);
    }
    const name = uploadDisplayName(file.filename);
    await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    const staged = join(this.tempDir, `upload-${randomUUID()}`);
    try {
      const size = await this.stage(file, staged, options.maxBytes);
      if (size === 0) {
        throw DomainError.validation([{ path: 'file', message: 'The file is empty' }]);
      }
      const type = await withFile(staged, (source) => classifyUpload(source, name));
      if (!type) {
        throw DomainError.validation([
          {
            path: 'file',
            message: `This type of file is not allowed. Allowed: ${UPLOAD_TYPES_ALLOWED}`,
          },
        ]);
      }
      const storageKey = newBlobKey(options.namespace);
      if (type.kind === 'image') {
        const image = await processImage(staged, type.mime);
        const thumbKey = thumbnailKey(storageKey);
        const stored = await this.putAll([
          [storageKey, image.original],
          [thumbKey, image.thumbnail],
        ]);
        return {
          storageKey,
          thumbKey,
          size: stored[0]!,
          mime: type.mime,
          kind: 'image',
          width: image.width,
          height: image.height,
          name,
        };
      }
      const stored = await this.putAll([[storageKey, createReadStream(staged)]]);
      return {
        storageKey,
        thumbKey: null,
        size: stored[0]!,
        mime: type.mime,
        kind: 'file',
        width: null,
        height: null,
        name,
      };
    } finally {
      await rm(staged, { force: true });
    }
  }

  /**
   * Removes an upload's blobs (both, if it has a thumbnail). Call it after the record that
   * referred to them is gone (committed), never before: a blob whose record then fails to go
   * would be a broken link, while a blob left by a failed delete is only swept later
   * (`BlobSweeper`). Missing blobs are no error; keys not of our making are refused.
   */
  async discard(upload: UploadKeys): Promise<void> {
    const keys = [upload.storageKey, upload.thumbKey].filter((k): k is string => k !== null);
    for (const key of keys) {
      if (!isBlobKey(key)) throw new Error(`Not a blob key: ${key}`);
    }
    await Promise.all(keys.map((key) => this.store.delete(key)));
  }

  /** Answers a stored file (see `sendBlob`): return what it returns from the route. */
  send(
    req: FastifyRequest,
    reply: FastifyReply,
    blob: BlobToSend,
    options: SendBlobOptions = {},
  ): ReturnType<typeof sendBlob> {
    return sendBlob(this.store, req, reply, blob, options);
  }

  /** The thumbnail of an image upload, to `send` (null when it has none). */
  thumbnail(upload: { thumbKey: string | null; name: string }): BlobToSend | null {
    return upload.thumbKey
      ? {
          key: upload.thumbKey,
          mime: THUMBNAIL_MIME,
          name: `${upload.name.replace(/\.[^.]*$/, '') || 'file'}.webp`,
        }
      : null;
  }

  /**
   * Writes the part to `path`, counting. Past `maxBytes` (or when the part was cut at the
   * multipart limit) it writes no more but still reads the part to its end, so the request is
   * consumed and the 413 gets through; the caller removes what was written.
   */
  private async stage(file: IncomingFile, path: string, maxBytes: number): Promise<number> {
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, size > maxBytes ? undefined : chunk);
      },
    });
    await pipeline(file.file, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    if (size > maxBytes || file.file.truncated) {
      throw new DomainError(
        'payload_too_large',
        `The file is larger than ${formatMegabytes(maxBytes)} MB`,
      );
    }
    return size;
  }

  /** Puts every blob, or none: one that fails takes the ones already put with it. */
  private async putAll(blobs: Array<[key: string, body: Buffer | Readable]>): Promise<number[]> {
    const sizes: number[] = [];
    try {
      for (const [key, body] of blobs) sizes.push((await this.store.put(key, body)).size);
      return sizes;
    } catch (err) {
      await Promise.all(blobs.map(([key]) => this.store.delete(key).catch(() => undefined)));
      throw err;
    }
  }

  /** Removes staging files older than `before` (an upload in progress when the process died). */
  async removeStaleStaging(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tempDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.startsWith('upload-'))) {
      const s = await stat(join(this.tempDir, name)).catch(() => null);
      if (s && s.mtime < before) {
        await rm(join(this.tempDir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** Runs `work` with the file at `path` as a `ByteSource`, closing it after. */
async function withFile<T>(path: string, work: (source: ByteSource) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return await work({
      size,
      read: async (position, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    await handle.close();
  }
}
