import { describe, expect, it } from 'vitest';
import { showMoney as formatMoney } from '@kabinet/shared';
import { formatDate, formatFileSize, formatQuantity, todayIso } from './format';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('money from decimal strings', () => {
    expect(nbsp(formatMoney('148500.00'))).toBe('148 500 ₽');
    expect(nbsp(formatMoney('320.50'))).toBe('320,50 ₽');
  });
  it('dates without time-zone shifts', () => {
    expect(formatDate('2026-09-14')).toBe('14.09.2026');
    expect(formatDate(null)).toBe('');
  });
  it('quantities without trailing zeros', () => {
    expect(formatQuantity('40.000')).toBe('40');
    expect(formatQuantity('64.500')).toBe('64,5');
  });

  it('writes file sizes in the largest unit that keeps them at least 1', () => {
    const size = (bytes: number, locale?: string) =>
      formatFileSize(bytes, locale).replace(/\s/g, ' ');
    expect(size(120)).toBe('120 Б');
    expect(size(1536)).toBe('1,5 кБ');
    expect(size(200 * 1048576)).toBe('200 МБ');
    expect(size(3 * 1073741824, 'en-GB')).toBe('3 GB');
  });

  it('says today as YYYY-MM-DD in the local zone', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
