// Money and phones are formatted by @kabinet/shared (`showMoney`, `formatPhone`): one for API and SPA.

/** A date `YYYY-MM-DD` as `14.09.2026` (ru) or `9/14/2026` (en), without time-zone shifts. */
export function formatDate(date: string | null | undefined, locale = 'ru-RU') {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A timestamp as date and time in the viewer's zone. */
export function formatDateTime(iso: string, locale = 'ru-RU') {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

/** Quantities: `40.000` → `40`, `64.500` → `64,5`. */
export function formatQuantity(quantity: string, locale = 'ru-RU') {
  const value = Number(quantity);
  return Number.isFinite(value)
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value)
    : quantity;
}

export function localeOf(language: string) {
  return language.startsWith('en') ? 'en-GB' : 'ru-RU';
}

/** A file size in the largest unit that keeps it ≥ 1 (bytes, kB, MB, GB), as the locale writes it. */
export function formatFileSize(bytes: number, locale = 'ru-RU') {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** Today in the reader's time zone as `YYYY-MM-DD` (a date field's minimum, "not in the past"). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
