import { describe, expect, it } from 'vitest';
import { pageCount, readPage } from './paging';

describe('readPage', () => {
  it('reads whole page numbers from 1 and falls back to 1 for anything else', () => {
    expect(readPage('2')).toBe(2);
    expect(readPage(null)).toBe(1);
    expect(readPage('')).toBe(1);
    expect(readPage('0')).toBe(1);
    expect(readPage('-3')).toBe(1);
    expect(readPage('2.5')).toBe(1);
    expect(readPage('abc')).toBe(1);
    expect(readPage('Infinity')).toBe(1);
  });
});

describe('pageCount', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
