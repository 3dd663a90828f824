/**
 * Money as PostgreSQL numeric(14,2) strings, added exactly in minor units (kopecks) as BigInt:
 * never floats. `toMinor('1234.5')` = 123450n; `fromMinor(123450n)` = '1234.50'.
 */
export function toMinor(amount: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: «${amount}»`);
  const [, minus, whole, fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus ? -value : value;
}

export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function sumMinor(amounts: Iterable<string>): bigint {
  let total = 0n;
  for (const a of amounts) total += toMinor(a);
  return total;
}

export const minMinor = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * A decimal string for `Intl.NumberFormat#format`, which (ECMA-402 NumberFormat v3, Node 19+ and
 * today's browsers) formats numeric strings as exact decimals; the ES2022 typings only know numbers.
 */
export const decimal = (s: string) => s as unknown as number;

export interface MoneyFormat {
  /**
   * `2` (default): always kopecks, `74 250,00 ₽`; `'auto'`: whole roubles when the kopecks are
   * zero, `74 250 ₽` but `1 500,50 ₽` (as the SPA shows money).
   */
  fractionDigits?: 2 | 'auto';
  /** `symbol` (default, as the SPA: `1 KZT`) or `narrowSymbol` (`1 ₸`). */
  currencyDisplay?: 'symbol' | 'narrowSymbol';
}

/**
 * Money from a decimal string (PostgreSQL numeric, as the API sends it) in the locale's way,
 * exactly — never through a float: `74250.00` → `74 250,00 ₽` (ru-RU, with no-break spaces) or
 * `₽74,250.00` (en-GB). Throws on what is not a money amount; a currency Intl does not know is
 * written after the number (`10.00 руб`). The one money formatter of the API and the SPA.
 */
export function formatMoney(
  amount: string,
  currency: string,
  locale: string,
  { fractionDigits = 2, currencyDisplay = 'symbol' }: MoneyFormat = {},
): string {
  const exact = fromMinor(toMinor(amount));
  const whole = fractionDigits === 'auto' && exact.endsWith('.00');
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(decimal(exact));
  } catch {
    return `${exact} ${currency}`; // not an ISO 4217 code
  }
}

/**
 * Money as the cabinet shows it to people (the SPA's pages, notification texts): `formatMoney`
 * with whole roubles when there are no kopecks — `148500.00` → `148 500 ₽`, `320.5` → `320,50 ₽`.
 * Nothing for no amount; what is not an amount (a missing parameter) is written as it came.
 */
export function showMoney(
  amount: string | null | undefined,
  currency = 'RUB',
  locale = 'ru-RU',
): string {
  if (amount === null || amount === undefined) return '';
  try {
    return formatMoney(amount, currency, locale, { fractionDigits: 'auto' });
  } catch {
    return amount;
  }
}
