import { describe, expect, it } from 'vitest';
import { currency, date, decimal, flag } from './values';

describe('1C values', () => {
  it('reads decimals as 1C writes them, never through a float', () => {
    expect(decimal('1234.50')).toBe('1234.50');
    expect(decimal('1 234,50')).toBe('1234.50');
    expect(decimal('1\u00a0234,5')).toBe('1234.5');
    expect(decimal('0012')).toBe('12');
    expect(decimal('-0.10')).toBe('-0.10');
    expect(decimal('99999999999999999999.99')).toBe('99999999999999999999.99');
    for (const bad of ['', 'abc', '1.2.3', '1 500,00 руб.', '1e5']) expect(decimal(bad)).toBeNull();
  });

  it('reads dates and the date part of date-times, refusing impossible ones', () => {
    expect(date('2026-11-23')).toBe('2026-11-23');
    expect(date('2007-10-16 15:44:47')).toBe('2007-10-16');
    expect(date('2017-09-13T16:36:52')).toBe('2017-09-13');
    expect(date('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '2025-02-29', '23.11.2026', '2026-13-01', '']) {
      expect(date(bad)).toBeNull();
    }
  });

  it('reads 1C flags and currencies', () => {
    expect([
      flag('true'),
      flag('Истина'),
      flag('да'),
      flag('false'),
      flag('ложь'),
      flag(''),
    ]).toEqual([true, true, true, false, false, null]);
    expect([
      currency('руб'),
      currency('643'),
      currency(''),
      currency('eur'),
      currency('рубли!'),
    ]).toEqual(['RUB', 'RUB', 'RUB', 'EUR', null]);
  });
});
