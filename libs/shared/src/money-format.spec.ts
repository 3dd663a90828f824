import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

/** No-break spaces as plain ones, to compare with readable literals. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  // Moved from items-pdf.spec.ts with the PDF's options (ru → ru-RU, en → en-GB, narrow symbol).
  it('formats money from decimal strings exactly, in the language’s way', () => {
    const pdf = (amount: string, currency: string, locale: string) =>
      formatMoney(amount, currency, locale, { currencyDisplay: 'narrowSymbol' });
    expect(plain(pdf('74250.00', 'RUB', 'ru-RU'))).toBe('74 250,00 ₽');
    expect(plain(pdf('6000', 'RUB', 'ru-RU'))).toBe('6 000,00 ₽');
    expect(plain(pdf('0.5', 'RUB', 'ru-RU'))).toBe('0,50 ₽');
    expect(pdf('74250.00', 'RUB', 'en-GB')).toBe('₽74,250.00');
    expect(plain(pdf('-15.00', 'USD', 'ru-RU'))).toBe('-15,00 $');
    // Beyond a double's 15–17 significant digits: a float would round the kopecks away.
    expect(plain(pdf('123456789012345678.99', 'RUB', 'ru-RU'))).toBe(
      '123 456 789 012 345 678,99 ₽',
    );
    expect(pdf('10.00', 'руб', 'ru-RU')).toBe('10.00 руб');
    expect(() => pdf('1,5', 'RUB', 'ru-RU')).toThrow(/Not a money amount/);
  });

  it('writes whole amounts without kopecks when asked, still exactly', () => {
    const auto = (amount: string, currency = 'RUB') =>
      plain(formatMoney(amount, currency, 'ru-RU', { fractionDigits: 'auto' }));
    expect(auto('74250.00')).toBe('74 250 ₽');
    expect(auto('74250')).toBe('74 250 ₽');
    expect(auto('1500.5')).toBe('1 500,50 ₽');
    expect(auto('0.01')).toBe('0,01 ₽');
    expect(auto('-20000.00')).toBe('-20 000 ₽');
    expect(auto('123456789012345678.00')).toBe('123 456 789 012 345 678 ₽');
    expect(auto('123456789012345678.01')).toBe('123 456 789 012 345 678,01 ₽');
    expect(auto('10.00', 'XX')).toBe('10.00 XX');
  });

  it('writes the currency as the SPA does unless the narrow symbol is asked for', () => {
    expect(plain(formatMoney('1.00', 'KZT', 'ru-RU'))).toBe('1,00 KZT');
    expect(plain(formatMoney('1.00', 'KZT', 'ru-RU', { currencyDisplay: 'narrowSymbol' }))).toBe(
      '1,00 ₸',
    );
  });
});
