import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { fileDisposition } from './content-disposition';

describe('fileDisposition', () => {
  it('names the file in UTF-8 with a transliterated ASCII fallback', () => {
    expect(fileDisposition('Договор ГМ-000101.pdf', 'inline')).toBe(
      'inline; filename="Dogovor GM-000101.pdf"; ' +
        `filename*=UTF-8''${encodeURIComponent('Договор ГМ-000101.pdf')}`,
    );
    expect(fileDisposition('import-2026.xml', 'attachment')).toBe(
      'attachment; filename=import-2026.xml',
    );
  });

  it('keeps separators, quotes and control characters out of the name', () => {
    const header = fileDisposition('../a"b\\c\r\nd.xml', 'attachment');
    expect(parse(header, { extended: false }).parameters).toEqual({ filename: '.._a_b_c__d.xml' });
    expect(
      parse(fileDisposition('№ 5/1.pdf', 'attachment'), { extended: false }).parameters,
    ).toEqual({
      filename: '_ 5_1.pdf',
      'filename*': "UTF-8''%E2%84%96%205_1.pdf",
    });
    expect(fileDisposition('  ', 'attachment')).toBe('attachment; filename=file');
  });
});
