import { describe, expect, it } from 'vitest';
import { fromMinor, sumMinor, toMinor } from './money';

describe('money', () => {
  it('reads numeric strings into kopecks exactly and writes them back', () => {
    expect(toMinor('1234.5')).toBe(123450n);
    expect(toMinor('0.01')).toBe(1n);
    expect(toMinor('-15.00')).toBe(-1500n);
    expect(toMinor('7')).toBe(700n);
    expect(fromMinor(123450n)).toBe('1234.50');
    expect(fromMinor(-5n)).toBe('-0.05');
    // 0.1 + 0.2 in floats is not 0.3; in kopecks it is.
    expect(fromMinor(sumMinor(['0.10', '0.20']))).toBe('0.30');
  });

  it('refuses what is not an amount', () => {
    expect(() => toMinor('1,5')).toThrow(/Not a money amount/);
    expect(() => toMinor('')).toThrow(/Not a money amount/);
  });
});
