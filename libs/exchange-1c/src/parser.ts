import type { Readable } from 'node:stream';
import sax from 'sax';
import { Parser as Xml2js } from 'xml2js';
import { decoder, detectEncoding } from './encoding';
import {
  MappingError,
  buyerOf,
  documentKind,
  mapContract,
  mapCustomer,
  mapPayment,
  mapStaff,
  paymentInOrder,
  type Mapped,
  type Warn,
  type XNode,
} from './mapping';
import type { ExchangeHeader, ExchangeRecord, ExchangeWarning } from './records';

/**
 * Why a file cannot be imported, and where: the 1-based line (and column) in the file and the
 * element path (e.g. `Документ/Товары/Товар[2]/Сумма`). Thrown by the parser; the importer
 * writes it into the `<name>.error.txt` report.
 */
export class ExchangeFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly element: string | null,
  ) {
    super(message);
    this.name = 'ExchangeFormatError';
  }
}

/**
 * A part of the file the cabinet does not import (a catalogue, its offers, a document of another
 * kind): counted and reported, not an error.
 */
export interface SkippedElement {
  /** The element's local name: `Классификатор`, `Каталог`, `ПакетПредложений`, `Документ`, … */
  element: string;
  /** The line it starts on. */
  line: number;
  /** For a document: its `ХозОперация` (e.g. «Счет на оплату»); else null. */
  detail: string | null;
  /** What it holds, by element: `{ Товар: 540 }` for a catalogue, `{ Группа: 12, Свойство: 4 }`. */
  items: Record<string, number>;
}

export type ExchangeEvent =
  | { kind: 'header'; header: ExchangeHeader }
  | { kind: 'record'; record: ExchangeRecord }
  /** A value replaced by a fallback or left out; its record is imported. */
  | { kind: 'warning'; warning: ExchangeWarning }
  /** Elements the cabinet does not import (a catalogue's goods, offers): counted, not an error. */
  | ({ kind: 'skipped' } & SkippedElement)
  /** Progress: how many bytes of the file were consumed so far. */
  | { kind: 'progress'; bytes: number };

export interface ParseOptions {
  /** Records larger than this (characters of XML) are refused. Default 5 MB. */
  maxRecordChars?: number;
}

const ROOT = 'КоммерческаяИнформация';
/** Elements whose children are looked at (not records themselves). */
const CONTAINERS = new Set(['Контейнер', 'Контрагенты', 'Сотрудники', 'Документы']);
/** Record elements, by where they may appear. */
const RECORDS = new Set(['Документ', 'Контрагент', 'Сотрудник']);
const PROGRESS_EVERY = 256 * 1024;
/** What a skipped section holds worth saying, by section: the elements counted inside it. */
const SECTION_ITEMS: Record<string, string[]> = {
  Каталог: ['Товар'],
  ПакетПредложений: ['Предложение'],
  ИзмененияПакетаПредложений: ['Предложение'],
  Классификатор: ['Группа', 'Свойство'],
};

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** One record being captured: its XML re-serialised, and the line of every element path. */
interface Capture {
  name: string;
  line: number;
  xml: string[];
  size: number;
  depth: number;
  lines: Map<string, number>;
  /** Per open element: its path and how many children of each name it has had. */
  stack: Array<{ path: string; raw: string; counts: Map<string, number> }>;
}

function parseRecordXml(xml: string): XNode {
  let result: Record<string, XNode[]> | null = null;
  let failure: unknown = null;
  new Xml2js({
    explicitArray: true,
    trim: true,
    normalize: false,
    tagNameProcessors: [local],
    attrNameProcessors: [local],
    async: false,
  }).parseString(xml, (err: unknown, out: Record<string, XNode[]> | null) => {
    failure = err;
    result = out;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  const root = result ? Object.values(result as Record<string, XNode>)[0] : undefined;
  if (root === undefined) throw new Error('empty record');
  return root;
}

/**
 * Streams a CommerceML file: detects the encoding (BOM, then the XML declaration; UTF-8 when
 * neither), decodes with iconv-lite, walks elements with sax and hands each record's subtree to
 * xml2js, so memory stays flat whatever the file size. Yields the header first, then records in
 * file order. Throws ExchangeFormatError for anything that is not a well-formed, complete exchange
 * file (including an empty one).
 */
export async function* parseExchange(
  input: Readable | AsyncIterable<Buffer>,
  options: ParseOptions = {},
): AsyncGenerator<ExchangeEvent, void, undefined> {
  const maxRecordChars = options.maxRecordChars ?? 5 * 1024 * 1024;
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, xmlns: false });
  const queue: ExchangeEvent[] = [];
  let failure: ExchangeFormatError | null = null;
  let encodingLabel = 'UTF-8';
  let rootSeen = false;
  let rootClosed = false;
  const path: string[] = [];
  let capture: Capture | null = null;
  let skipping: {
    depth: number;
    element: string;
    line: number;
    counted: string[];
    items: Record<string, number>;
  } | null = null;
  const numbers = new Map<string, string>();

  const fail = (
    message: string,
    line: number | null,
    column: number | null,
    element: string | null,
  ) => {
    failure ??= new ExchangeFormatError(message, line, column, element);
  };
  const here = () => ({ line: parser.line + 1, column: parser.column + 1 });

  const emitRecord = (record: ExchangeRecord) => queue.push({ kind: 'record', record });

  const finishRecord = (c: Capture) => {
    let node: XNode;
    try {
      node = parseRecordXml(c.xml.join(''));
    } catch (err) {
      fail(`The element ${c.name} cannot be read: ${(err as Error).message}`, c.line, null, c.name);
      return;
    }
    const m: Mapped = { node, path: c.name };
    const lineOf = (p: string) => {
      for (let q = p; q; q = q.slice(0, Math.max(0, q.lastIndexOf('/')))) {
        const found = c.lines.get(q);
        if (found) return found;
      }
      return c.line;
    };
    /** Collects a record's warnings; they are emitted once the record is known (its label). */
    const collector = () => {
      const list: Array<Omit<ExchangeWarning, 'record'>> = [];
      const warn: Warn = (code, message, path, params = {}) =>
        list.push({ code, message, line: lineOf(path), element: path, params });
      const emit = (record: string) => {
        for (const w of list) queue.push({ kind: 'warning', warning: { ...w, record } });
      };
      return { warn, emit };
    };
    try {
      if (c.name === 'Сотрудник') {
        const w = collector();
        const staff = mapStaff(m, w.warn);
        emitRecord({ type: 'staff', line: c.line, record: staff });
        w.emit(`Сотрудник ${staff.externalId}`);
      } else if (c.name === 'Контрагент') {
        const w = collector();
        const customer = mapCustomer(m, w.warn);
        emitRecord({ type: 'customer', line: c.line, record: customer });
        w.emit(`Контрагент ${customer.externalId}`);
      } else {
        const kind = documentKind(m);
        if (kind === 'other') {
          const op = m.node && typeof m.node !== 'string' ? m.node['ХозОперация'] : undefined;
          const detail = Array.isArray(op) && typeof op[0] === 'string' ? op[0].trim() : '';
          queue.push({
            kind: 'skipped',
            element: 'Документ',
            line: c.line,
            detail: detail || null,
            items: {},
          });
        } else if (kind === 'payment') {
          const w = collector();
          const payment = mapPayment(m, w.warn);
          emitRecord({ type: 'payment', line: c.line, record: payment });
          w.emit(`Документ ${payment.number}`);
        } else {
          const buyer = buyerOf(m);
          if (!buyer)
            throw new MappingError(
              'The order has no buyer (Контрагенты/Контрагент)',
              `${c.name}/Контрагенты`,
            );
          const buyerWarnings = collector();
          const customer = mapCustomer(buyer, buyerWarnings.warn);
          const w = collector();
          const contract = mapContract(m, customer.externalId, w.warn);
          const seen = numbers.get(contract.number);
          if (seen !== undefined && seen !== contract.externalId) {
            throw new MappingError(
              `Duplicate number: contract ${contract.number} is both ${seen} and ${contract.externalId}`,
              `${c.name}/Номер`,
            );
          }
          numbers.set(contract.number, contract.externalId);
          emitRecord({ type: 'customer', line: lineOf(buyer.path), record: customer });
          buyerWarnings.emit(`Контрагент ${customer.externalId}`);
          emitRecord({ type: 'contract', line: c.line, record: contract });
          w.emit(`Документ ${contract.number}`);
          const paid = paymentInOrder(m, contract);
          if (paid) emitRecord({ type: 'payment', line: c.line, record: paid });
        }
      }
    } catch (err) {
      if (err instanceof MappingError) {
        fail(err.message, lineOf(err.path), null, err.path);
      } else {
        throw err;
      }
    }
  };

  parser.onerror = (err) => {
    const first = err.message.split('\n')[0] ?? err.message;
    fail(
      /^Unclosed root tag/.test(first)
        ? `The file ends before ${ROOT} is closed (truncated?)`
        : `Malformed XML: ${first}`,
      parser.line + 1,
      parser.column + 1,
      path.join('/') || null,
    );
  };

  parser.onopentag = (tag) => {
    if (failure) return;
    const name = local(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      if (name !== ROOT) {
        fail(
          `Not a CommerceML file: the root element is ${name}, not ${ROOT}`,
          here().line,
          null,
          name,
        );
        return;
      }
      const attrs = Object.fromEntries(
        Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => [local(k), v]),
      );
      const namespace = (tag.attributes as Record<string, string>).xmlns ?? null;
      queue.push({
        kind: 'header',
        header: {
          schemaVersion: attrs['ВерсияСхемы'] ?? null,
          generatedAt: attrs['ДатаФормирования'] ?? null,
          namespace,
          encoding: encodingLabel,
          onlyChanges: !/^(false|ложь|0)$/i.test(attrs['СодержитТолькоИзменения'] ?? 'true'),
        },
      });
      path.push(name);
      return;
    }
    path.push(name);
    if (skipping) {
      if (skipping.counted.includes(name)) skipping.items[name] = (skipping.items[name] ?? 0) + 1;
      return;
    }
    if (capture) {
      const parent = capture.stack[capture.stack.length - 1]!;
      const n = (parent.counts.get(name) ?? 0) + 1;
      parent.counts.set(name, n);
      const p = `${parent.path}/${n === 1 ? name : `${name}[${n}]`}`;
      if (!capture.lines.has(p)) capture.lines.set(p, parser.line + 1);
      capture.stack.push({ path: p, raw: tag.name, counts: new Map() });
      capture.depth++;
      const attrs = Object.entries(tag.attributes as Record<string, string>)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      capture.xml.push(`<${tag.name}${attrs}>`);
      return;
    }
    const parentName = path[path.length - 2]!;
    const atRecordLevel =
      (RECORDS.has(name) && (parentName === ROOT || CONTAINERS.has(parentName))) ||
      (name === 'Контрагент' && parentName === 'Контрагенты');
    if (atRecordLevel) {
      capture = {
        name,
        line: parser.line + 1,
        xml: [`<${name}>`],
        size: 0,
        depth: 1,
        lines: new Map([[name, parser.line + 1]]),
        stack: [{ path: name, raw: name, counts: new Map() }],
      };
      return;
    }
    if (CONTAINERS.has(name)) return;
    skipping = {
      depth: path.length,
      element: name,
      line: parser.line + 1,
      counted: SECTION_ITEMS[name] ?? [],
      items: {},
    };
  };

  parser.onclosetag = () => {
    if (failure) return;
    path.pop();
    if (skipping) {
      if (path.length < skipping.depth) {
        const { element, line, items } = skipping;
        queue.push({ kind: 'skipped', element, line, detail: null, items });
        skipping = null;
      }
      return;
    }
    if (capture) {
      capture.depth--;
      const closed = capture.stack.pop()!;
      if (capture.depth === 0) {
        capture.xml.push(`</${capture.name}>`);
        const done = capture;
        capture = null;
        finishRecord(done);
      } else {
        capture.xml.push(`</${closed.raw}>`);
      }
      return;
    }
    if (path.length === 0) rootClosed = true;
  };

  const onText = (text: string) => {
    if (failure) return;
    if (capture) {
      capture.size += text.length;
      if (capture.size > maxRecordChars) {
        fail(
          `The element ${capture.name} is larger than ${maxRecordChars} characters`,
          capture.line,
          null,
          capture.name,
        );
        return;
      }
      capture.xml.push(escapeText(text));
    } else if (!skipping && rootSeen && !rootClosed && text.trim() !== '') {
      fail('Text outside of any record', parser.line + 1, parser.column + 1, path.join('/'));
    } else if (!rootSeen && text.trim() !== '') {
      fail(
        'Not an XML file: text before the first element',
        parser.line + 1,
        parser.column + 1,
        null,
      );
    } else if (rootClosed && text.trim() !== '') {
      fail(
        'Text after the end of the file’s root element',
        parser.line + 1,
        parser.column + 1,
        null,
      );
    }
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  const io: { decode: ReturnType<typeof decoder> | null } = { decode: null };
  let head = Buffer.alloc(0);
  let consumed = 0;
  let reported = 0;
  let utf8 = true;

  const feed = (text: string) => {
    if (!text || failure) return;
    if (utf8 && text.includes('\uFFFD')) {
      const before = text.slice(0, text.indexOf('\uFFFD'));
      const lines = before.split('\n').length - 1;
      fail(
        'The bytes are not valid UTF-8 (a windows-1251 file without encoding="windows-1251" in its XML declaration?)',
        parser.line + 1 + lines,
        null,
        path.join('/') || null,
      );
      return;
    }
    parser.write(text);
  };

  const start = (bytes: Buffer) => {
    const found = detectEncoding(bytes);
    if ('error' in found) {
      fail(found.error, 1, 1, null);
      return;
    }
    encodingLabel = found.label;
    utf8 = found.encoding === 'utf8';
    io.decode = decoder(found.encoding);
    const first = io.decode.write(bytes.subarray(found.skip));
    feed(first.replace(/^[\s\uFEFF]+/, ''));
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    consumed += bytes.length;
    if (!io.decode) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 512) continue;
      start(head);
      head = Buffer.alloc(0);
    } else {
      feed(io.decode.write(bytes));
    }
    if (failure) throw failure;
    if (consumed - reported >= PROGRESS_EVERY) {
      reported = consumed;
      queue.push({ kind: 'progress', bytes: consumed });
    }
    while (queue.length) yield queue.shift()!;
  }
  if (!io.decode) {
    if (head.length === 0 || head.toString('latin1').trim() === '') {
      throw new ExchangeFormatError('The file is empty', 1, 1, null);
    }
    start(head);
  }
  if (io.decode && !failure) {
    // An incomplete character at the very end means the file was cut, not mis-encoded.
    const rest = io.decode.end() ?? '';
    if (!/^\uFFFD*$/.test(rest)) feed(rest);
  }
  if (!failure) parser.close();
  if (failure) throw failure;
  if (!rootSeen) throw new ExchangeFormatError('The file has no XML elements', 1, 1, null);
  if (!rootClosed) {
    throw new ExchangeFormatError(
      `The file ends before ${ROOT} is closed (truncated?)`,
      parser.line + 1,
      parser.column + 1,
      path.join('/') || null,
    );
  }
  while (queue.length) yield queue.shift()!;
  yield { kind: 'progress', bytes: consumed };
}
