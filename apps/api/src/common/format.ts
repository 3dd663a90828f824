import { fromMinor, toMinor } from './money';

/**
 * A decimal string for `Intl.NumberFormat#format`, which (ECMA-402 NumberFormat v3, Node 19+)
 * formats numeric strings as exact decimals; the ES2022 typings only know numbers.
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
 * Money from a decimal string (PostgreSQL numeric) in the locale's way, exactly — never through
 * a float: `74250.00` → `74 250,00 ₽` (ru-RU, with no-break spaces) or `₽74,250.00` (en-GB).
 * Throws on what is not a money amount; a currency Intl does not know is written after the
 * number (`10.00 руб`).
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
