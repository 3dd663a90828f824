import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files' bytes live, by key. Shaped after what an S3-compatible store offers
 * (PutObject, GetObject with a Range, HeadObject, DeleteObject, ListObjectsV2), so one can
 * implement it later without touching its callers; `LocalDiskStore` is the one we have.
 *
 * Keys are made by `newBlobKey` (random, under a namespace, sharded), never from a user's file
 * name; every method refuses a key that is not of that shape (`assertBlobKey`). Nothing here knows
 * who may read a blob: callers check access before they ask.
 */
export interface BlobStore {
  /**
   * Stores the bytes under `key` (replacing what was there) and answers how many were written.
   * All or nothing: a failed write (the stream broke, the disk filled up) leaves no blob behind,
   * and a reader never sees a half-written one.
   */
  put(key: string, body: Readable | Buffer): Promise<{ size: number }>;
  /** The bytes (all, or the inclusive byte `range`, which must lie within the blob); null when none. */
  get(key: string, range?: ByteRange): Promise<BlobBody | null>;
  /** Size and time of the blob, or null when there is none. */
  stat(key: string): Promise<BlobStat | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; answers whether there was one (deleting a missing key is no error). */
  delete(key: string): Promise<boolean>;
  /** Every blob whose key starts with `prefix` (`chat/`), in no particular order. */
  list(prefix: string): AsyncIterable<BlobStat>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** Bytes `start` to `end`, both included (as in an HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobStat {
  key: string;
  size: number;
  modifiedAt: Date;
}

export interface BlobBody {
  /** The requested bytes; the caller must read or destroy it. */
  stream: Readable;
  /** The whole blob's size. */
  size: number;
  /** The range the stream holds, or null for all of it. */
  range: ByteRange | null;
}

/** A namespace: the first part of a key, one per kind of owner (`chat`, `reports`). */
const NAMESPACE = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** Parts of lower-case letters, digits, `-`, `_` and `.`, each starting with a letter or digit. */
const KEY = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*){1,7}$/;
const MAX_KEY_LENGTH = 200;

export function isBlobNamespace(namespace: string): boolean {
  return NAMESPACE.test(namespace);
}

/**
 * A new random key under `namespace`: `chat/3f/a9/3fa9…` (128 random bits in hex; the first two
 * bytes name two folder levels, so no folder grows past a few thousand files).
 */
export function newBlobKey(namespace: string): string {
  if (!isBlobNamespace(namespace)) throw new Error(`Not a blob namespace: ${namespace}`);
  const id = randomBytes(16).toString('hex');
  return `${namespace}/${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** The key of the small copy (thumbnail) of the blob under `key`. */
export function thumbnailKey(key: string): string {
  return `${key}-thumb`;
}

export function isBlobKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY.test(key);
}

/** Refuses anything but a key `newBlobKey` could have made the shape of (no `..`, no `/x`). */
export function assertBlobKey(key: string): void {
  if (!isBlobKey(key)) throw new Error(`Not a blob key: ${JSON.stringify(key.slice(0, 250))}`);
}
