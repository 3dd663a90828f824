import { describe, expect, it } from 'vitest';
import { sumMoney } from './money';

describe('sumMoney', () => {
  it('adds decimal strings exactly', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['74250.00', '684800.5', '1'])).toBe('759051.50');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['-3.05', '1.00'])).toBe('-2.05');
    expect(sumMoney(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
  });
  it('refuses what is not an amount', () => {
    expect(() => sumMoney(['1e3'])).toThrow();
  });
});
