import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decimal, formatMoney, formatPhone, type ItemKind } from '@kabinet/shared';
import { fileDisposition } from '../../common/content-disposition';
import type { ContractDto } from './contracts.dto';

/**
 * "Goods and services" of a contract as an A4 PDF (pdfkit) in DejaVu Sans, embedded, so Cyrillic
 * and ₽ render in every viewer: a heading (contract, customer, manager, 1C freshness), then the
 * lines as a table whose header repeats on every page, the total, and "page i of n" on multi-page
 * output. Money is formatted from the decimal strings, never through floats.
 */

export const PDF_LANGUAGES = ['ru', 'en'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

const TEXT = {
  ru: {
    locale: 'ru-RU',
    title: 'Товары и услуги',
    contract: (number: string, date: string) => `Договор № ${number} от ${date}`,
    customer: 'Заказчик',
    manager: 'Менеджер',
    dataAsOf: (time: string) => `Данные из 1С на ${time}`,
    lineNo: '№',
    name: 'Наименование',
    kind: 'Тип',
    quantity: 'Кол-во',
    unit: 'Ед.',
    price: 'Цена',
    amount: 'Сумма',
    total: 'Итого',
    tax: 'НДС',
    linesTotal: 'Сумма по строкам',
    taxIncluded: (name: string, rate: string) => `в т. ч. ${name}${rate ? ` ${rate} %` : ''}`,
    taxOnTop: (name: string, rate: string) => `${name} сверху${rate ? ` ${rate} %` : ''}`,
    noTax: (name: string) => (/ндс/i.test(name) ? 'Без НДС' : `Без налога (${name})`),
    kinds: { goods: 'Товар', service: 'Услуга' } satisfies Record<ItemKind, string>,
    noItems: 'В договоре пока нет позиций',
    page: (i: number, n: number) => `Стр. ${i} из ${n}`,
    fileName: 'товары и услуги',
  },
  en: {
    locale: 'en-GB',
    title: 'Goods and services',
    contract: (number: string, date: string) => `Contract No. ${number} of ${date}`,
    customer: 'Customer',
    manager: 'Manager',
    dataAsOf: (time: string) => `Data from 1C as of ${time}`,
    lineNo: 'No.',
    name: 'Name',
    kind: 'Type',
    quantity: 'Qty',
    unit: 'Unit',
    price: 'Price',
    amount: 'Amount',
    total: 'Total',
    tax: 'VAT',
    linesTotal: 'Lines total',
    taxIncluded: (name: string, rate: string) =>
      `incl. ${/ндс/i.test(name) ? 'VAT' : name}${rate ? ` ${rate}%` : ''}`,
    taxOnTop: (name: string, rate: string) =>
      `${/ндс/i.test(name) ? 'VAT' : name} on top${rate ? ` ${rate}%` : ''}`,
    noTax: (name: string) => (/ндс/i.test(name) ? 'No VAT' : `No tax (${name})`),
    kinds: { goods: 'Goods', service: 'Service' } satisfies Record<ItemKind, string>,
    noItems: 'The contract has no items yet',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    fileName: 'goods and services',
  },
} as const;

/**
 * The language of the PDF: `lang` when given, else the best of ru/en in `Accept-Language`
 * (q-values honoured), else Russian.
 */
export function pdfLanguage(lang: string | undefined, acceptLanguage: string | undefined) {
  if (lang === 'ru' || lang === 'en') return lang;
  // A header longer than any real one (the spec says 1000) is not read: the default applies.
  const header = acceptLanguage && acceptLanguage.length <= 1000 ? acceptLanguage : '';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked.find((l) => l.primary === 'ru' || l.primary === 'en');
  return (best?.primary as PdfLanguage | undefined) ?? 'ru';
}

/** Quantities without trailing zeros: `40.000` → `40`, `64.500` → `64,5` (ru) or `64.5` (en). */
export function formatQuantity(quantity: string, language: PdfLanguage): string {
  if (!/^-?\d+(\.\d+)?$/.test(quantity)) return quantity;
  return new Intl.NumberFormat(TEXT[language].locale, { maximumFractionDigits: 3 }).format(
    decimal(quantity),
  );
}

/** A calendar date `YYYY-MM-DD` as `14.09.2026` (ru) or `14/09/2026` (en), no zone shifts. */
export function formatDate(date: string, language: PdfLanguage): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(TEXT[language].locale, { timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function formatDateTime(iso: string, language: PdfLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(TEXT[language].locale, {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** `attachment`, named e.g. `ГМ-000101 товары и услуги.pdf` (ASCII: `GM-000101 tovary i uslugi.pdf`). */
export function itemsPdfDisposition(contractNumber: string, language: PdfLanguage): string {
  return fileDisposition(`${contractNumber} ${TEXT[language].fileName}.pdf`, 'attachment');
}

/** The font files come from the `dejavu-fonts-ttf` package (Bitstream Vera licence, free). */
const fonts = (() => {
  let loaded: { regular: Buffer; bold: Buffer } | undefined;
  return () => {
    if (!loaded) {
      const require = createRequire(__filename);
      const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
      loaded = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') };
    }
    return loaded;
  };
})();

const MARGIN = { top: 40, bottom: 50, left: 40, right: 40 };
const FOOTER_GAP = 18; // from the bottom margin to the footer line
const FONT_SIZE = 9;
const PAD_X = 5;
const PAD_Y = 3.5;
const GRID = '#b8b8b8';
const HEADER_FILL = '#ececec';
const MUTED = '#555555';
const MIN_NAME_WIDTH = 150;

type Align = 'left' | 'right';
interface Column {
  key: 'lineNo' | 'name' | 'kind' | 'quantity' | 'unit' | 'price' | 'tax' | 'amount';
  header: string;
  align: Align;
  width: number;
}

/** The company the PDF is from: its letterhead (logo, name, contacts) heads the first page. */
export interface ItemsPdfCompany {
  name: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
  /** The logo; PNG and JPEG are drawn, other types leave the name alone. */
  logo: { content: Buffer; mime: string } | null;
}

export interface ItemsPdfOptions {
  language: PdfLanguage;
  company?: ItemsPdfCompany;
  /** The company's time zone, for "data from 1C as of". */
  timeZone: string;
  /** Written into the PDF's metadata. */
  createdAt: Date;
}

const LOGO_BOX = { width: 120, height: 40 };

/** pdfkit's opened image (its typings leave `openImage` out): drawn by `doc.image` as it is. */
type OpenedImage = { width: number; height: number };
const openImage = (doc: PDFKit.PDFDocument, bytes: Buffer) =>
  (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(bytes);

/**
 * The company's logo (PNG or JPEG, fitted into a 120×40 pt box) with its name and contacts beside
 * it, and a rule below; answers where the heading starts. Nothing when the company has neither
 * a name nor a logo.
 */
function drawLetterhead(
  doc: PDFKit.PDFDocument,
  company: ItemsPdfCompany | undefined,
  left: number,
  top: number,
  width: number,
): number {
  if (!company) return top;
  let logo: { image: OpenedImage; width: number; height: number } | null = null;
  if (company.logo && ['image/png', 'image/jpeg'].includes(company.logo.mime)) {
    try {
      const image = openImage(doc, company.logo.content);
      const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height);
      logo = { image, width: image.width * scale, height: image.height * scale };
    } catch {
      logo = null; // bytes that look like an image but are not one: the name alone
    }
  }
  const contacts = [
    ...company.phones.map(formatPhone),
    ...(company.email ? [company.email] : []),
    ...(company.address ? [company.address] : []),
  ].join(' · ');
  if (!logo && !company.name) return top;
  let bottom = top;
  let x = left;
  if (logo) {
    doc.image(logo.image as unknown as Buffer, left, top, {
      width: logo.width,
      height: logo.height,
    });
    bottom = top + logo.height;
    x = left + logo.width + 12;
  }
  const textWidth = left + width - x;
  let y = top;
  if (company.name) {
    doc.font('bold').fontSize(12).fillColor('black');
    doc.text(company.name, x, y, { width: textWidth });
    y = doc.y;
  }
  if (contacts) {
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(contacts, x, y + 2, { width: textWidth });
    y = doc.y;
    doc.fillColor('black');
  }
  bottom = Math.max(bottom, y) + 8;
  doc
    .moveTo(left, bottom)
    .lineTo(left + width, bottom)
    .lineWidth(0.5)
    .strokeColor(GRID)
    .stroke();
  return bottom + 12;
}

/** Renders the contract's goods and services; resolves with the whole PDF. */
export async function renderItemsPdf(
  contract: ContractDto,
  options: ItemsPdfOptions,
): Promise<Buffer> {
  // Loaded on first use: pdfkit and fontkit take ~0.1 s to load, which every process (the API,
  // each CLI run) would pay at start.
  const { default: PDFDocument } = await import('pdfkit');
  const t = TEXT[options.language];
  const { regular, bold } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: t.locale,
    displayTitle: true,
    info: {
      Title: `${t.title} — ${contract.number}`,
      ...(options.company?.name ? { Author: options.company.name } : {}),
      Creator: 'Kabinet',
      Producer: 'Kabinet (PDFKit)',
      CreationDate: options.createdAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const left = MARGIN.left;
  const contentWidth = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const money = (v: string) =>
    formatMoney(v, contract.currency, t.locale, { currencyDisplay: 'narrowSymbol' });

  // Letterhead, then the heading.
  const headingTop = drawLetterhead(doc, options.company, left, MARGIN.top, contentWidth);
  doc.font('bold').fontSize(16).fillColor('black');
  doc.text(t.title, left, headingTop, { width: contentWidth });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11);
  doc.text(t.contract(contract.number, formatDate(contract.date, options.language)), {
    width: contentWidth,
  });
  doc.moveDown(0.4);
  const labelled = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true, width: contentWidth });
    doc.font('regular').text(value);
  };
  labelled(t.customer, contract.customerName);
  if (contract.manager) {
    const m = contract.manager;
    labelled(
      t.manager,
      [m.fullName, m.phone ? formatPhone(m.phone) : null, m.email].filter(Boolean).join(', '),
    );
  }
  if (contract.dataAsOf) {
    doc.moveDown(0.2);
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(t.dataAsOf(formatDateTime(contract.dataAsOf, options.language, options.timeZone)))
      .fillColor('black');
  }
  doc.moveDown(0.8);

  // The table: every column but the name as wide as its widest cell; the name takes the rest.
  const rate = (r: string | null) =>
    r === null
      ? ''
      : new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(decimal(r));
  // The line's VAT: its rate over its amount, or «Без НДС»; a column only when 1C sent taxes.
  const lineTax = (i: ContractDto['items'][number]) => {
    if (!i.tax) return '';
    if (i.tax.exempt) return t.noTax(i.tax.name);
    return [
      i.tax.rate !== null ? `${rate(i.tax.rate)} %` : null,
      i.tax.amount && money(i.tax.amount),
    ]
      .filter(Boolean)
      .join('\n');
  };
  const taxed = contract.items.some((i) => i.tax !== null);
  const rows = contract.items.map((i) => ({
    lineNo: String(i.lineNo),
    name: i.name,
    kind: t.kinds[i.kind],
    quantity: formatQuantity(i.quantity, options.language),
    unit: i.unit,
    price: money(i.price),
    tax: lineTax(i),
    amount: money(i.amount),
  }));
  const total = money(contract.total);
  // The totals: with VAT on top the lines' sum, the tax and the total; VAT included under it.
  const onTop = contract.taxes.filter((x) => !x.exempt && !x.included);
  const totals: Array<{ label: string; value: string; bold: boolean }> = [];
  if (onTop.length)
    totals.push({ label: t.linesTotal, value: money(contract.itemsTotal), bold: false });
  for (const x of onTop) {
    totals.push({ label: t.taxOnTop(x.name, rate(x.rate)), value: money(x.amount), bold: false });
  }
  totals.push({ label: t.total, value: total, bold: true });
  for (const x of contract.taxes.filter((y) => !y.exempt && y.included)) {
    totals.push({
      label: t.taxIncluded(x.name, rate(x.rate)),
      value: money(x.amount),
      bold: false,
    });
  }
  for (const x of contract.taxes.filter((y) => y.exempt)) {
    totals.push({ label: t.noTax(x.name), value: '', bold: false });
  }
  const widthOf = (v: string) => Math.max(...v.split('\n').map((line) => doc.widthOfString(line)));
  const widest = (header: string, values: string[], extra: string[] = []) => {
    doc.font('bold');
    let w = Math.max(doc.widthOfString(header), ...extra.map(widthOf));
    doc.font('regular');
    for (const v of values) w = Math.max(w, widthOf(v));
    return Math.ceil(w) + 2 * PAD_X + 1;
  };
  const columns: Column[] = [
    { key: 'lineNo', header: t.lineNo, align: 'right', width: 0 },
    { key: 'name', header: t.name, align: 'left', width: 0 },
    { key: 'kind', header: t.kind, align: 'left', width: 0 },
    { key: 'quantity', header: t.quantity, align: 'right', width: 0 },
    { key: 'unit', header: t.unit, align: 'left', width: 0 },
    { key: 'price', header: t.price, align: 'right', width: 0 },
    ...(taxed ? [{ key: 'tax' as const, header: t.tax, align: 'right' as const, width: 0 }] : []),
    { key: 'amount', header: t.amount, align: 'right', width: 0 },
  ];
  const nameColumn = columns.find((c) => c.key === 'name')!;
  // Numbers never wrap: with very wide ones the table's type gets smaller, down to 7 pt, until
  // the name keeps a sensible width; beyond that the other columns give way proportionally.
  const others = columns.filter((c) => c !== nameColumn);
  const othersWidth = () => others.reduce((sum, c) => sum + c.width, 0);
  let fontSize = FONT_SIZE;
  for (;;) {
    doc.fontSize(fontSize);
    for (const c of others) {
      const values = rows.map((r) => r[c.key]);
      c.width = widest(c.header, values, c.key === 'amount' ? totals.map((x) => x.value) : []);
      if (c.key === 'unit') c.width = Math.min(c.width, 70); // a long unit wraps
    }
    if (contentWidth - othersWidth() >= MIN_NAME_WIDTH || fontSize <= 7) break;
    fontSize -= 0.5;
  }
  const space = contentWidth - MIN_NAME_WIDTH / 2;
  if (othersWidth() > space) {
    const scale = space / othersWidth();
    for (const c of others) c.width *= scale;
  }
  nameColumn.width = contentWidth - othersWidth();

  type Cell = { text: string; width: number; align: Align; font: 'regular' | 'bold' };
  const measure = (cells: Cell[]) => {
    doc.fontSize(fontSize);
    const heights = cells.map((c) =>
      doc.font(c.font).heightOfString(c.text, { width: c.width - 2 * PAD_X, lineGap: 0 }),
    );
    return Math.max(...heights) + 2 * PAD_Y;
  };
  const rule = (y: number) =>
    doc
      .moveTo(left, y)
      .lineTo(left + contentWidth, y)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
  const drawRow = (cells: Cell[], y: number, fill?: string) => {
    const height = measure(cells);
    if (fill) doc.rect(left, y, contentWidth, height).fill(fill);
    doc.fillColor('black');
    let x = left;
    for (const c of cells) {
      doc.font(c.font).text(c.text, x + PAD_X, y + PAD_Y, {
        width: c.width - 2 * PAD_X,
        align: c.align,
        lineGap: 0,
      });
      x += c.width;
    }
    rule(y + height);
    return y + height;
  };
  const headerCells: Cell[] = columns.map((c) => ({
    text: c.header,
    width: c.width,
    align: c.align,
    font: 'bold',
  }));
  const drawHeader = (y: number) => {
    rule(y);
    return drawRow(headerCells, y, HEADER_FILL);
  };
  /** Starts a new page with the table header when `height` does not fit below `y`. */
  const room = (y: number, height: number) => {
    if (y + height <= bottom()) return y;
    doc.addPage();
    return drawHeader(MARGIN.top);
  };
  const cellsOf = (row: (typeof rows)[number]): Cell[] =>
    columns.map((c) => ({ text: row[c.key], width: c.width, align: c.align, font: 'regular' }));

  let y = doc.y;
  if (rows.length) {
    // The header never stays alone at the foot of a page.
    if (y + measure(headerCells) + measure(cellsOf(rows[0]!)) > bottom()) {
      doc.addPage();
      y = MARGIN.top;
    }
    y = drawHeader(y);
    for (const row of rows) {
      const cells = cellsOf(row);
      y = drawRow(cells, room(y, measure(cells)));
    }
  } else {
    doc.font('regular').fontSize(10).fillColor(MUTED).text(t.noItems, left, y);
    doc.fillColor('black');
    y = doc.y + 6;
  }
  const labelWidth = columns.slice(0, -1).reduce((sum, c) => sum + c.width, 0);
  for (const x of totals) {
    const font = x.bold ? 'bold' : 'regular';
    const cells: Cell[] = [
      { text: x.label, width: labelWidth, align: 'right', font },
      { text: x.value, width: columns.at(-1)!.width, align: 'right', font },
    ];
    y = drawRow(cells, room(y, measure(cells)));
  }

  // Footer on every page of a multi-page document: what it is, and "page i of n".
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const footerY = doc.page.height - MARGIN.bottom + FOOTER_GAP;
      doc.page.margins.bottom = 0; // writing below the margin must not start a new page
      doc.font('regular').fontSize(8).fillColor(MUTED);
      doc.text(`${contract.number} · ${t.title}`, left, footerY, {
        width: contentWidth / 2,
        lineBreak: false,
      });
      doc.text(t.page(i + 1, range.count), left + contentWidth / 2, footerY, {
        width: contentWidth / 2,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.bottom = MARGIN.bottom;
    }
  }
  doc.end();
  return done;
}
