import { describe, expect, it } from 'vitest';
import * as samples from '../../../test/upload-samples';
import { classifyUpload, isViewable, sniffMime } from './sniff';
import { bufferSource } from './zip';

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

describe('classifyUpload', () => {
  const classify = (bytes: Buffer, name: string) => classifyUpload(bufferSource(bytes), name);
  const ooxmlTypes = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  } as const;

  it('takes images by their bytes, whatever the name says', async () => {
    expect(await classify(await samples.jpeg(), 'photo.jpg')).toEqual({
      mime: 'image/jpeg',
      kind: 'image',
    });
    expect(await classify(await samples.png(), 'Скриншот.PNG')).toEqual({
      mime: 'image/png',
      kind: 'image',
    });
    expect(await classify(await samples.gif(), 'a.gif')).toEqual({
      mime: 'image/gif',
      kind: 'image',
    });
    expect(await classify(await samples.webp(), 'a.webp')).toEqual({
      mime: 'image/webp',
      kind: 'image',
    });
    // A PNG named .jpg is a PNG.
    expect((await classify(await samples.png(), 'photo.jpg'))?.mime).toBe('image/png');
  });

  it('takes PDFs, office documents, ZIP archives and UTF-8 text', async () => {
    expect(await classify(await samples.pdf(), 'Договор.pdf')).toEqual({
      mime: 'application/pdf',
      kind: 'file',
    });
    for (const ext of ['docx', 'xlsx', 'pptx'] as const) {
      expect(await classify(samples.ooxml(ext), `План.${ext}`)).toEqual({
        mime: ooxmlTypes[ext],
        kind: 'file',
      });
    }
    for (const [ext, kind] of [
      ['odt', 'text'],
      ['ods', 'spreadsheet'],
      ['odp', 'presentation'],
    ]) {
      const mime = `application/vnd.oasis.opendocument.${kind}`;
      expect(await classify(samples.odf(mime), `a.${ext}`)).toEqual({ mime, kind: 'file' });
    }
    expect(await classify(samples.oleFile(), 'Смета.doc')).toEqual({
      mime: 'application/msword',
      kind: 'file',
    });
    expect((await classify(samples.oleFile(), 'Смета.XLS'))?.mime).toBe('application/vnd.ms-excel');
    const archive = samples.zip([{ name: 'readme.txt', data: 'hello' }]);
    expect(await classify(archive, 'photos.zip')).toEqual({
      mime: 'application/zip',
      kind: 'file',
    });
    // A real .docx sent as .zip is a ZIP archive.
    expect((await classify(samples.ooxml('docx'), 'a.zip'))?.mime).toBe('application/zip');
    expect(await classify(Buffer.from('\ufeffномер;сумма\nГМ-1;100,00\n'), 'список.csv')).toEqual({
      mime: 'text/csv',
      kind: 'file',
    });
    expect(await classify(Buffer.from('Привет!\r\n'), 'note.txt')).toEqual({
      mime: 'text/plain',
      kind: 'file',
    });
    // Markup in a .txt is text: it is served as text/plain, never as HTML.
    expect((await classify(samples.html(), 'page.txt'))?.mime).toBe('text/plain');
  });

  it('reads text past the first chunk: a NUL or a broken UTF-8 sequence anywhere refuses it', async () => {
    const long = Buffer.from('строка\n'.repeat(20_000));
    expect((await classify(long, 'log.txt'))?.mime).toBe('text/plain');
    const nul = Buffer.concat([long, Buffer.from([0])]);
    expect(await classify(nul, 'log.txt')).toBeNull();
    const cut = long.subarray(0, long.length - 2); // the last letter cut in half
    expect(await classify(cut, 'log.txt')).toBeNull();
    // «Привет» saved in Windows-1251 is no UTF-8.
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    expect(await classify(cp1251, 'cp.txt')).toBeNull();
  });

  it('refuses programs, scripts and markup, also renamed to an allowed name', async () => {
    expect(await classify(samples.exe(), 'photo.jpg')).toBeNull();
    expect(await classify(samples.exe(), 'setup.exe')).toBeNull();
    expect(await classify(samples.exe(), 'readme.txt')).toBeNull();
    expect(await classify(samples.elf(), 'run')).toBeNull();
    expect(await classify(samples.elf(), 'run.pdf')).toBeNull();
    expect(await classify(samples.html(), 'page.html')).toBeNull();
    expect(await classify(samples.html(), 'photo.jpg')).toBeNull();
    expect(await classify(Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'install.sh')).toBeNull();
    expect(await classify(Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg')).toBeNull();
    expect(await classify(Buffer.from('MsgBox "hi"'), 'a.vbs')).toBeNull();
    expect(await classify(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });

  it('refuses containers whose content does not match the name', async () => {
    // An OLE file that is not a .doc/.xls/.ppt (an installer).
    expect(await classify(samples.oleFile(), 'setup.msi')).toBeNull();
    // A ZIP that is no Word document, sent as .docx; a Word document sent as .xlsx.
    const archive = samples.zip([{ name: 'a.txt', data: 'x' }]);
    expect(await classify(archive, 'a.docx')).toBeNull();
    expect(await classify(samples.ooxml('docx'), 'a.xlsx')).toBeNull();
    // Archives under other names (a Java program is a ZIP).
    expect(await classify(archive, 'app.jar')).toBeNull();
    expect(await classify(samples.ooxml('docx'), 'photo.jpg')).toBeNull();
    // Macros.
    expect(await classify(samples.ooxml('docx', { macros: true }), 'a.docx')).toBeNull();
    expect(await classify(samples.ooxml('xlsx', { macros: true }), 'a.zip')).toBeNull();
    // An ODF file whose mimetype says otherwise.
    expect(
      await classify(samples.odf('application/vnd.oasis.opendocument.text'), 'a.ods'),
    ).toBeNull();
    // A damaged ZIP (cut off before its directory).
    const docx = samples.ooxml('docx');
    expect(await classify(docx.subarray(0, docx.length - 30), 'a.docx')).toBeNull();
  });
});
