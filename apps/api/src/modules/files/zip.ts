import { inflateRawSync } from 'node:zlib';

/** Bytes read at will: a file on disk while an upload is checked, or a buffer in tests. */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `position` (fewer only at the end). */
  read(position: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, position + length),
  };
}

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated (anything else is not read). */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** More entries than any office document has: a listing past it is not looked at. */
const MAX_ENTRIES = 20_000;
/** The end-of-directory record and the longest comment after it. */
const EOCD_SEARCH = 22 + 0xffff;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

/**
 * The entries of a ZIP archive from its central directory (what office documents are), or null
 * when the bytes are not a readable ZIP. Reads only the directory, never the whole file.
 */
export async function readZipEntries(source: ByteSource): Promise<ZipEntry[] | null> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(tail, eocd + 10);
  let dirSize = u32(tail, eocd + 12);
  let dirOffset = u32(tail, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: the locator just before the record points at the 64-bit record.
    if (eocd < 20 || u32(tail, eocd - 20) !== 0x07064b50) return null;
    const at = u64(tail, eocd - 20 + 8);
    const record = await source.read(at, 56);
    if (record.length < 56 || u32(record, 0) !== 0x06064b50) return null;
    count = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (count > MAX_ENTRIES || dirOffset + dirSize > source.size) return null;
  const dir = await source.read(dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || u32(dir, at) !== 0x02014b50) return null;
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    if (at + 46 + nameLength > dir.length) return null;
    const flags = u16(dir, at + 8);
    const nameBytes = dir.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      // Bit 11: UTF-8 names; otherwise CP437, which for the ASCII names we look for is the same.
      name: Buffer.from(nameBytes).toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: u16(dir, at + 10),
      compressedSize: u32(dir, at + 20),
      size: u32(dir, at + 24),
      localHeaderOffset: u32(dir, at + 42),
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The content of one (small) entry, or null when it cannot be read within `maxBytes`
 * (encrypted, another method, damaged, or bigger: a ZIP bomb stops here).
 */
export async function readZipEntry(
  source: ByteSource,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Buffer | null> {
  if (entry.encrypted || entry.size > maxBytes || entry.compressedSize > maxBytes) return null;
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50) return null;
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const data = await source.read(start, entry.compressedSize);
  if (data.length < entry.compressedSize) return null;
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}
