import { createHash } from 'node:crypto';
import { StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileDisposition } from '../../common/content-disposition';
import { DomainError } from '../../common/domain-error';
import { isViewable } from '../files/sniff';
import type { BlobStore, ByteRange } from './blob-store';

/** A stored file to answer with: its blob, its type (from the bytes) and its shown name. */
export interface BlobToSend {
  key: string;
  mime: string;
  name: string;
}

export interface SendBlobOptions {
  /** Save rather than show, even for a PDF or an image. */
  download?: boolean;
}

/**
 * Answers a stored file from a GET route (`@Res({ passthrough: true })`, return what this
 * returns), after the route has checked that the caller may see it. The conventions of contract
 * documents (`contracts/documents.controller.ts`):
 * - `Content-Type` from the stored type (text with `charset=utf-8`: it was checked to be UTF-8),
 *   `X-Content-Type-Options: nosniff`, `Content-Length`;
 * - `Content-Disposition` from `fileDisposition`: `inline` only for what a browser may show from
 *   us (PDF and images, `isViewable`) and when not asked to download, else `attachment`; the page
 *   policy is dropped only for what is shown inline (the browser's PDF viewer), nothing of ours
 *   runs scripts;
 * - `Cache-Control: private, max-age=300` (the browser only, never a shared cache: the content
 *   is a person's), an ETag (a blob's bytes never change under its key) with 304 for a match;
 * - one byte range (`Range: bytes=a-b`) answered 206, for resumed downloads and PDF viewers; any
 *   other range header is ignored and the whole file sent.
 * A blob that is gone is a 404.
 */
export async function sendBlob(
  store: BlobStore,
  req: FastifyRequest,
  reply: FastifyReply,
  blob: BlobToSend,
  options: SendBlobOptions = {},
): Promise<StreamableFile | undefined> {
  const etag = `"${createHash('sha256').update(blob.key).digest('base64url').slice(0, 27)}"`;
  const inline = isViewable(blob.mime) && !options.download;
  void reply.header('cache-control', 'private, max-age=300');
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('etag', etag);
  void reply.header('accept-ranges', 'bytes');
  if (inline) void reply.removeHeader('content-security-policy');
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    if (!(await store.exists(blob.key))) throw DomainError.notFound('File');
    void reply.status(304);
    return undefined;
  }

  let range: ByteRange | null = null;
  const rangeHeader = req.headers.range;
  const ifRange = req.headers['if-range'];
  if (rangeHeader && (ifRange === undefined || ifRange === etag)) {
    const stat = await store.stat(blob.key);
    if (!stat) throw DomainError.notFound('File');
    range = parseRange(rangeHeader, stat.size);
  }
  const body = await store.get(blob.key, range ?? undefined);
  if (!body) throw DomainError.notFound('File');
  if (body.range) {
    void reply.status(206);
    void reply.header('content-range', `bytes ${body.range.start}-${body.range.end}/${body.size}`);
  }
  const type = blob.mime.startsWith('text/') ? `${blob.mime}; charset=utf-8` : blob.mime;
  return new StreamableFile(body.stream, {
    type,
    length: body.range ? body.range.end - body.range.start + 1 : body.size,
    disposition: fileDisposition(blob.name, inline ? 'inline' : 'attachment'),
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * One satisfiable range of `size` bytes (`bytes=0-99`, `bytes=100-`, `bytes=-100`), or null:
 * several ranges or one outside the file are answered with the whole file (RFC 9110 lets a
 * server ignore Range).
 */
export function parseRange(header: string, size: number): ByteRange | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || size === 0) return null;
  const [, from, to] = m;
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start > end || start >= size) return null;
  if (start === 0 && end === size - 1) return null;
  return { start, end };
}
