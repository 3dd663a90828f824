import { describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES, lockDurationMs } from './staff.service';

describe('lockDurationMs', () => {
  it('does not lock before the threshold', () => {
    for (let f = 0; f < LOCK_AFTER_FAILURES; f++) expect(lockDurationMs(f)).toBe(0);
  });
  it('doubles the lock with each further failure, up to an hour', () => {
    expect(lockDurationMs(5)).toBe(60_000);
    expect(lockDurationMs(6)).toBe(120_000);
    expect(lockDurationMs(7)).toBe(240_000);
    expect(lockDurationMs(30)).toBe(3_600_000);
  });
});
