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
