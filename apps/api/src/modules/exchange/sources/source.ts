import type { Readable } from 'node:stream';

/** A file waiting in the inbox (or stuck in `processing/`). */
export interface InboxFile {
  name: string;
  size: number;
  modifiedAt: number;
}

/** Sub-folders of the inbox: a file moves inbox → processing → processed | failed. */
export const PROCESSING = 'processing';
export const PROCESSED = 'processed';
export const FAILED = 'failed';

/** Only complete 1C files are taken: `*.xml`, never `*.tmp` or hidden files. */
export function isImportName(name: string): boolean {
  return /\.xml$/i.test(name) && !name.startsWith('.');
}

/** File names we write or accept by hand: no folders, nothing odd. */
export function isSafeName(name: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,200}$/u.test(name) && !name.includes('..');
}

/**
 * One connection to where 1C puts its files (an SFTP server, or a local folder). Opened per
 * exchange cycle and always closed in `finally`.
 */
export interface SourceSession {
  /** `*.xml` files in the inbox, ordered by name, then time. */
  listInbox(): Promise<InboxFile[]>;
  /** Files left in `processing/` (by a cycle that crashed or was killed). */
  listProcessing(): Promise<InboxFile[]>;
  /**
   * Claims a file with an atomic rename inbox → `processing/`. False when somebody else claimed
   * it first (the file is gone from the inbox).
   */
  claim(name: string): Promise<boolean>;
  /** Puts a file from `processing/` back into the inbox (recovery after a crash). */
  release(name: string): Promise<void>;
  /** Copies `processing/<name>` to a local file. */
  download(name: string, localPath: string): Promise<void>;
  /**
   * Moves `processing/<name>` to `processed/` or `failed/` under `storedName`, writing
   * `<storedName>.error.txt` next to it when a report is given. Returns the stored path.
   */
  finish(
    name: string,
    outcome: 'processed' | 'failed',
    storedName: string,
    report?: string,
  ): Promise<string>;
  /** Writes a file into the inbox as `<name>.tmp`, then renames it (an upload by hand). */
  putInbox(name: string, localPath: string): Promise<void>;
  /** Reads a stored file (`processed/...` or `failed/...`) back. */
  readStored(storedPath: string): Promise<Readable>;
  /** Writes an export file into the outbox as `<name>.tmp`, then renames it to `<name>`. */
  writeOutbox(name: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}

export interface ExchangeSource {
  readonly kind: 'sftp' | 'local';
  /** Where, for people: `sftp://user@host:22/inbox` or a folder path. */
  readonly location: string;
  open(): Promise<SourceSession>;
}

export const EXCHANGE_SOURCE = Symbol('EXCHANGE_SOURCE');
