import type { SkippedElement } from './parser';
import type { ExchangeWarning } from './records';

/** A part of a file the cabinet did not import, counted: the same element and kind once. */
export interface SkippedSection {
  element: string;
  /** For documents: their `ХозОперация`. */
  detail: string | null;
  /** The line of the first one. */
  line: number;
  /** How many such elements. */
  count: number;
  /** What they held, summed: `{ Товар: 540 }`. */
  items: Record<string, number>;
}

/** At most this many warnings of a file are kept (all of them are counted). */
export const MAX_KEPT_WARNINGS = 200;
/** Distinct warnings remembered for de-duplication (memory stays flat on huge files). */
const MAX_REMEMBERED = 50_000;

/**
 * What an import reports besides its counts: warnings (a customer sent with every order warns
 * once) and the skipped parts of the file. The importer feeds it the parser's events.
 */
export class ImportNotes {
  readonly warnings: ExchangeWarning[] = [];
  warningCount = 0;
  readonly skipped: SkippedSection[] = [];
  private readonly seen = new Set<string>();

  warn(w: ExchangeWarning): void {
    const key = `${w.code}\u0000${w.record}\u0000${w.message}`;
    if (this.seen.has(key)) return;
    if (this.seen.size < MAX_REMEMBERED) this.seen.add(key);
    this.warningCount++;
    if (this.warnings.length < MAX_KEPT_WARNINGS) this.warnings.push(w);
  }

  skip(e: SkippedElement): void {
    const same = this.skipped.find((s) => s.element === e.element && s.detail === e.detail);
    if (same) {
      same.count++;
      for (const [k, n] of Object.entries(e.items)) same.items[k] = (same.items[k] ?? 0) + n;
      return;
    }
    this.skipped.push({
      element: e.element,
      detail: e.detail,
      line: e.line,
      count: 1,
      items: { ...e.items },
    });
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const ITEM_WORDS: Record<string, [string, string]> = {
  Товар: ['product', 'products'],
  Предложение: ['offer', 'offers'],
  Группа: ['group', 'groups'],
  Свойство: ['property', 'properties'],
};

/** What was skipped and why, in English (the CLI and the text report; the admin page translates). */
export function describeSkipped(s: SkippedSection): string {
  const held = Object.entries(s.items)
    .map(([k, n]) => (ITEM_WORDS[k] ? plural(n, ...ITEM_WORDS[k]) : `${n} × ${k}`))
    .join(', ');
  const what = held ? ` (${held})` : '';
  switch (s.element) {
    case 'Каталог':
      return `The goods catalogue Каталог${what} was skipped: importing the catalogue is not supported yet`;
    case 'Классификатор':
      return `The catalogue’s classifier Классификатор${what} was skipped: importing the catalogue is not supported yet`;
    case 'ПакетПредложений':
    case 'ИзмененияПакетаПредложений':
      return `The price list ${s.element}${what} was skipped: importing prices and offers is not supported yet`;
    case 'Документ':
      return `${plural(s.count, 'document', 'documents')}${s.detail ? ` «${s.detail}»` : ''} skipped: only orders (Заказ товара) and payments are imported`;
    default:
      return `${plural(s.count, `element ${s.element}`, `elements ${s.element}`)} skipped: not part of what Kabinet imports`;
  }
}

/** One warning as a line of the report: where, which record, what. */
export function describeWarning(w: ExchangeWarning): string {
  return `line ${w.line}, ${w.record}: ${w.message}`;
}
