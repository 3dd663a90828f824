import { describe, expect, it } from 'vitest';
import { parseRange } from './send-blob';

describe('parseRange', () => {
  it('reads one satisfiable range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('answers null (send it all) for anything else', () => {
    for (const header of [
      'bytes=0-999',
      'bytes=0-',
      'bytes=-0',
      'bytes=-',
      'bytes=1000-',
      'bytes=5-1',
      'bytes=0-1,5-6',
      'items=0-1',
      'bytes=abc',
    ]) {
      expect(parseRange(header, 1000), header).toBeNull();
    }
    expect(parseRange('bytes=0-1', 0)).toBeNull();
  });
});
