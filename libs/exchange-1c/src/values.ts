/** Parsing of 1C's scalar values: money, quantities, dates, flags. All return null for "empty". */

/**
 * A decimal as 1C writes it: `1234.50`, `1 234,50`, `1234` (thousands separated by spaces or
 * no-break spaces, comma or dot as the decimal separator). Normalised to `1234.50`; null when
 * it is not a number. Never goes through a float.
 */
export function decimal(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const negative = s.startsWith('-');
  const [int, frac] = s.replace('-', '').split('.');
  const whole = int!.replace(/^0+(?=\d)/, '');
  const out = frac !== undefined ? `${whole}.${frac}` : whole;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/** A date `YYYY-MM-DD`, also accepted as the date part of `YYYY-MM-DDTHH:MM:SS` or with a space. */
export function date(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** 1C booleans: `true`/`false`, `истина`/`ложь`, `да`/`нет`, `1`/`0`. Null when absent. */
export function flag(raw: string | null | undefined): boolean | null {
  if (raw == null || raw.trim() === '') return null;
  const s = raw.trim().toLowerCase();
  if (['true', 'истина', 'да', '1', 'yes'].includes(s)) return true;
  if (['false', 'ложь', 'нет', '0', 'no'].includes(s)) return false;
  return null;
}

/** Currency codes as 1C writes them (`руб`, `RUB`, `643`) → ISO 4217. */
export function currency(raw: string | null | undefined): string | null {
  const s = (raw ?? '').trim();
  if (!s || /^(руб\.?|рубль|rub|643|rur)$/i.test(s)) return 'RUB';
  if (/^[A-Za-z]{3}$/.test(s)) return s.toUpperCase();
  return null;
}
