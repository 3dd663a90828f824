import iconv from 'iconv-lite';

/** What the first bytes of a file say about its encoding. */
export interface DetectedEncoding {
  /** iconv-lite's name, e.g. `utf8`, `win1251`. */
  encoding: string;
  /** How the file names it (for the ledger): `UTF-8 (BOM)`, `windows-1251`, ... */
  label: string;
  /** Bytes to skip (the byte-order mark). */
  skip: number;
}

const ALIASES: Record<string, string> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'windows-1251': 'win1251',
  'cp-1251': 'win1251',
  cp1251: 'win1251',
  'win-1251': 'win1251',
  'koi8-r': 'koi8-r',
  'utf-16': 'utf16le',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

/**
 * The encoding from the byte-order mark, else from the XML declaration, else UTF-8.
 * `head` is the start of the file (at least the first 4 bytes; the declaration fits in 512).
 * Returns an error message for an encoding iconv-lite does not know.
 */
export function detectEncoding(head: Buffer): DetectedEncoding | { error: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf8', label: 'UTF-8 (BOM)', skip: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf16le', label: 'UTF-16LE', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf16be', label: 'UTF-16BE', skip: 2 };
  const text = head.subarray(0, 512).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(text)?.[1];
  if (!declared) return { encoding: 'utf8', label: 'UTF-8', skip: 0 };
  const name = ALIASES[declared.toLowerCase()] ?? declared.toLowerCase();
  if (!iconv.encodingExists(name)) {
    return { error: `The XML declaration names an unknown encoding «${declared}»` };
  }
  return { encoding: name, label: declared, skip: 0 };
}

export function decoder(encoding: string) {
  return iconv.getDecoder(encoding);
}

const fits = new Map<string, boolean>();

/**
 * Encodes XML text. In windows-1251, characters the code page lacks (×, №'s cousins, emoji)
 * become character references (`&#215;`), so nothing turns into `?`.
 */
export function encode(text: string, encoding: 'utf-8' | 'windows-1251'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const safe = text.replace(/[^\t\n\r\x20-\x7F]/gu, (ch) => {
    let ok = fits.get(ch);
    if (ok === undefined) {
      ok = fitsWindows1251(ch);
      fits.set(ch, ok);
    }
    return ok ? ch : `&#${ch.codePointAt(0)};`;
  });
  return iconv.encode(safe, 'win1251');
}

/** True when every character of `text` exists in windows-1251 (so nothing turns into `?`). */
export function fitsWindows1251(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'win1251'), 'win1251') === text;
}
