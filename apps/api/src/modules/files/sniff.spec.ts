import { describe, expect, it } from 'vitest';
import { isViewable, sniffMime } from './sniff';

describe('sniffMime', () => {
  it('recognises PDFs and web images by their first bytes', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('GIF89a'))).toBe('image/gif');
    expect(sniffMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });
  it('treats anything else, including HTML posing as a PDF, as a download', () => {
    expect(sniffMime(Buffer.from('<html><script>alert(1)</script>'))).toBe(
      'application/octet-stream',
    );
    expect(sniffMime(Buffer.from(' %PDF-1.7'))).toBe('application/octet-stream');
    expect(sniffMime(Buffer.alloc(0))).toBe('application/octet-stream');
    expect(isViewable('application/octet-stream')).toBe(false);
    expect(isViewable('application/pdf')).toBe(true);
  });
});
