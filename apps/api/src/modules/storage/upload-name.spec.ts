import { describe, expect, it } from 'vitest';
import { uploadDisplayName } from './upload-name';

describe('uploadDisplayName', () => {
  it('keeps a plain name as it is, Russian and spaces included', () => {
    expect(uploadDisplayName('Эскиз памятника v2.jpg')).toBe('Эскиз памятника v2.jpg');
  });

  it('drops folders, control and direction characters', () => {
    expect(uploadDisplayName('C:\\Users\\Анна\\Desktop\\plan.pdf')).toBe('plan.pdf');
    expect(uploadDisplayName('../../etc/passwd')).toBe('passwd');
    expect(uploadDisplayName('a\u0000b\r\nc\u007f.txt')).toBe('a b c .txt');
    // "invoice‮gpj.exe" shows as "invoiceexe.jpg" in a right-to-left override.
    expect(uploadDisplayName('invoice\u202egpj.exe')).toBe('invoicegpj.exe');
    expect(uploadDisplayName('  many   spaces  .pdf ')).toBe('many spaces .pdf');
    expect(uploadDisplayName('name.')).toBe('name');
    expect(uploadDisplayName('half \ud800 pair.txt')).toBe('half \ufffd pair.txt');
  });

  it('is never empty', () => {
    for (const raw of ['', '   ', '/', 'dir/', '...', '\u0000', '\u202e']) {
      expect(uploadDisplayName(raw)).toBe('file');
    }
  });

  it('keeps at most 255 characters, cutting the stem and keeping the extension', () => {
    const long = `${'Я'.repeat(300)}.docx`;
    const cut = uploadDisplayName(long);
    expect([...cut]).toHaveLength(255);
    expect(cut.endsWith('Я.docx')).toBe(true);
    const emoji = uploadDisplayName(`${'😀'.repeat(300)}`);
    expect([...emoji]).toHaveLength(255);
    expect(emoji).not.toMatch(/\p{Cs}/u);
  });
});
