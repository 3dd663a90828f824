import { type ByteSource, readZipEntries, readZipEntry } from './zip';

/**
 * What a file is, from its first bytes: only the kinds the cabinet shows in the browser (PDF and
 * web images). Anything else is `application/octet-stream` and is only ever downloaded.
 */
const SIGNATURES: Array<[mime: string, offset: number, bytes: number[]]> = [
  ['application/pdf', 0, [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', 0, [0xff, 0xd8, 0xff]],
  ['image/gif', 0, [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['image/webp', 8, [0x57, 0x45, 0x42, 0x50]], // RIFF....WEBP
];

export function sniffMime(content: Uint8Array): string {
  for (const [mime, offset, bytes] of SIGNATURES) {
    if (
      content.length >= offset + bytes.length &&
      bytes.every((b, i) => content[offset + i] === b)
    ) {
      if (mime === 'image/webp' && !(content[0] === 0x52 && content[1] === 0x49)) continue;
      return mime;
    }
  }
  return 'application/octet-stream';
}

/** Kinds a browser may show inline from us; everything else is served as an attachment. */
export function isViewable(mime: string): boolean {
  return mime === 'application/pdf' || mime.startsWith('image/');
}

/**
 * What an upload may be: the kinds people send each other about an order. The type is read from
 * the bytes; the name's extension only has to agree where the bytes alone cannot tell (an office
 * document is a ZIP or an OLE container, text is just bytes). Anything else — a program, a script,
 * HTML, SVG, a program renamed `.jpg` — is refused, so nothing we serve can run in a browser.
 */
export const UPLOAD_TYPES_ALLOWED =
  'images (JPEG, PNG, GIF, WebP), PDF, Word, Excel and PowerPoint documents ' +
  '(.docx, .xlsx, .pptx, .doc, .xls, .ppt), OpenDocument (.odt, .ods, .odp), ZIP archives, ' +
  'UTF-8 text (.txt, .csv)';

export interface UploadType {
  /** The type stored and served (never the sender's). */
  mime: string;
  /** Images get thumbnails and are shown; files are cards that download. */
  kind: 'image' | 'file';
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** OOXML: the extension, the main part's content type in `[Content_Types].xml`. */
const OOXML: Record<string, [mime: string, mainPart: string]> = {
  docx: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  ],
  xlsx: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  ],
  pptx: [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  ],
};

/** ODF: the extension, the `mimetype` entry (stored first in the archive). */
const ODF: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** Legacy office files: an OLE compound file (an .msi is one too, hence the extension). */
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const TEXT: Record<string, string> = { txt: 'text/plain', csv: 'text/csv' };

/** Macros: VBA in an OOXML file, Basic or scripts in an ODF one. */
const MACROS = /(?:^|\/)vbaProject\.bin$|^(?:Basic|Scripts)\//i;

/** How much of the start is looked at for a signature. */
const HEAD_BYTES = 4096;
/** The largest `[Content_Types].xml` or `mimetype` entry read (real ones are a few KB). */
const MAX_ENTRY_BYTES = 1024 * 1024;

/** The lower-case extension of a file name (`Отчёт.PDF` → `pdf`), or ''. */
export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * The upload's type from its bytes (and, for containers and text, its name's extension), or null
 * when it is not one we take (`UPLOAD_TYPES_ALLOWED`). Images are only recognised here; whether
 * they decode is for the image step to find out.
 */
export async function classifyUpload(source: ByteSource, name: string): Promise<UploadType | null> {
  if (source.size === 0) return null;
  const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
  const ext = extensionOf(name);
  const sniffed = sniffMime(head);
  if (IMAGE_TYPES.has(sniffed)) return { mime: sniffed, kind: 'image' };
  if (sniffed === 'application/pdf') return { mime: sniffed, kind: 'file' };
  if (startsWith(head, OLE_SIGNATURE)) {
    const mime = OLE[ext];
    return mime ? { mime, kind: 'file' } : null;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return classifyZip(source, ext);
  }
  const text = TEXT[ext];
  if (text && (await isUtf8Text(source))) return { mime: text, kind: 'file' };
  return null;
}

async function classifyZip(source: ByteSource, ext: string): Promise<UploadType | null> {
  const entries = await readZipEntries(source);
  if (!entries) return null;
  if (entries.some((e) => MACROS.test(e.name))) return null;
  const ooxml = OOXML[ext];
  if (ooxml) {
    const types = entries.find((e) => e.name === '[Content_Types].xml');
    const xml = types && (await readZipEntry(source, types, MAX_ENTRY_BYTES));
    const isMain =
      xml && new RegExp(`ContentType=["']${escapeRegExp(ooxml[1])}["']`).test(xml.toString('utf8'));
    return isMain ? { mime: ooxml[0], kind: 'file' } : null;
  }
  const odf = ODF[ext];
  if (odf) {
    const first = entries[0];
    const mimetype =
      first?.name === 'mimetype' && (await readZipEntry(source, first, MAX_ENTRY_BYTES));
    return mimetype && mimetype.toString('latin1') === odf ? { mime: odf, kind: 'file' } : null;
  }
  return ext === 'zip' ? { mime: 'application/zip', kind: 'file' } : null;
}

/** Every byte is UTF-8 (a BOM allowed) and none is NUL: text, not a binary named `.txt`. */
async function isUtf8Text(source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunk = 64 * 1024;
  try {
    for (let at = 0; at < source.size; at += chunk) {
      const bytes = await source.read(at, Math.min(chunk, source.size - at));
      if (bytes.length === 0) return false;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
