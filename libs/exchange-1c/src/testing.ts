import { Readable } from 'node:stream';
import { parseExchange, type ExchangeEvent } from './parser';
import type { ExchangeHeader, ExchangeRecord } from './records';

/** Parses bytes fed in chunks of `chunk` bytes; returns the header and the records. */
export async function parseBytes(
  bytes: Buffer,
  chunk = 64 * 1024,
): Promise<{ header: ExchangeHeader | null; records: ExchangeRecord[]; events: ExchangeEvent[] }> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const events: ExchangeEvent[] = [];
  for await (const e of parseExchange(Readable.from(parts, { objectMode: true }))) events.push(e);
  const header = events.find((e) => e.kind === 'header')?.header ?? null;
  const records = events.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
  return { header, records, events };
}
