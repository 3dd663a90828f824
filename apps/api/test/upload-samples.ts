import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

/**
 * Small real files of every kind an upload may (or may not) be, made here rather than checked
 * in: images by sharp, a PDF by pdfkit, office documents as the ZIP containers Word, Excel and
 * LibreOffice write (the parts a reader looks at), a legacy office file's OLE header.
 */

/** A picture with some detail (so JPEG has something to compress), `width`×`height`. */
export function picture(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      // The left half red, the right half blue, with a gradient: orientation is visible.
      pixels[i] = x < width / 2 ? 220 : 20;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = x < width / 2 ? 20 : 220;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export const jpeg = () => picture(64, 48).jpeg().toBuffer();
export const png = () => picture(64, 48).png().toBuffer();
export const webp = () => picture(64, 48).webp().toBuffer();
export const gif = () => picture(64, 48).gif().toBuffer();

/** A three-frame animated GIF, 20×20. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width: 20, height: 20, channels: 4, background } })
      .png()
      .toBuffer();
  return sharp([await frame('#f00'), await frame('#0f0'), await frame('#00f')], {
    join: { animated: true },
  })
    .gif({ loop: 0, delay: [100, 100, 100] })
    .toBuffer();
}

/**
 * A phone photo as cameras write it: `width`×`height` pixels stored, EXIF orientation 6 (shown
 * turned a quarter clockwise: height×width), GPS position, camera make, a Display P3 profile.
 */
export function phonePhoto(width = 1200, height = 800): Promise<Buffer> {
  return picture(width, height)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Kabinet Phone', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 45/1 2112/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 37/1 1212/100',
      },
    })
    .withIccProfile('p3')
    .toBuffer();
}

/** The tags of an EXIF block's first directory (IFD0): 0x8825 is the GPS position's. */
export function exifIfd0Tags(exif: Buffer): number[] {
  const b = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const le = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const at = u32(4);
  return Array.from({ length: u16(at) }, (_, i) => u16(at + 2 + i * 12));
}
export const GPS_TAG = 0x8825;

export function pdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Kabinet test');
    doc.end();
  });
}

/** A ZIP archive of `entries` (deflated unless `stored`), as any zip tool writes it. */
export function zip(entries: Array<{ name: string; data: string | Buffer; stored?: boolean }>) {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const packed = e.stored ? data : deflateRawSync(data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(e.stored ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const OOXML_MAIN = {
  docx: ['word/document.xml', 'wordprocessingml.document.main+xml'],
  xlsx: ['xl/workbook.xml', 'spreadsheetml.sheet.main+xml'],
  pptx: ['ppt/presentation.xml', 'presentationml.presentation.main+xml'],
} as const;

/** An Office Open XML document (`docx`, `xlsx`, `pptx`); `macros` adds a VBA project. */
export function ooxml(kind: keyof typeof OOXML_MAIN, options: { macros?: boolean } = {}) {
  const [part, type] = OOXML_MAIN[kind];
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>` +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/>` +
        '</Relationships>',
    },
    { name: part, data: '<?xml version="1.0" encoding="UTF-8"?><root/>' },
    ...(options.macros
      ? [{ name: `${part.split('/')[0]}/vbaProject.bin`, data: Buffer.alloc(64, 1) }]
      : []),
  ]);
}

/** An OpenDocument file: `mimetype` stored first, as the standard asks. */
export function odf(mime: string) {
  return zip([
    { name: 'mimetype', data: mime, stored: true },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest/>' },
  ]);
}

/** The start of an OLE compound file (legacy .doc/.xls, also .msi): header and one sector. */
export function oleFile(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24); // minor version
  b.writeUInt16LE(3, 26); // major version
  b.writeUInt16LE(0xfffe, 28); // byte order
  b.writeUInt16LE(9, 30); // 512-byte sectors
  b.writeUInt16LE(6, 32);
  return b;
}

/** A Windows program's first bytes (an "MZ" header with its PE signature). */
export function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return b;
}

/** A Linux program's first bytes. */
export function elf(): Buffer {
  const b = Buffer.alloc(256);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(b, 0);
  return b;
}

export const html = () =>
  Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/**
 * A "decompression bomb": a PNG of a few hundred bytes whose header says 20,000 × 20,000 pixels
 * (400 million: gigabytes once decoded).
 */
export function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(20_001))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
