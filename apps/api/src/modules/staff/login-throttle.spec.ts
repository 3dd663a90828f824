import { describe, expect, it } from 'vitest';
import {
  admit,
  LOCK_AFTER_FAILURES,
  lockDurationMs,
  SLOW_AFTER_FAILURES,
  spacingMs,
  succeed,
  type ThrottleState,
} from './login-throttle';

const fresh = (): ThrottleState => ({
  failures: 0,
  lockedUntil: null,
  lastFailureAt: null,
  lastSuccessAt: null,
});
const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + s * 1000);

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

describe('spacingMs', () => {
  it('slows new addresses from the threshold on, doubling up to a minute', () => {
    expect(spacingMs(SLOW_AFTER_FAILURES - 1)).toBe(0);
    expect(spacingMs(SLOW_AFTER_FAILURES)).toBe(1000);
    expect(spacingMs(SLOW_AFTER_FAILURES + 1)).toBe(2000);
    expect(spacingMs(SLOW_AFTER_FAILURES + 20)).toBe(60_000);
  });
});

describe('admit', () => {
  it('counts an attempt in advance and locks the address at the fifth', () => {
    let source = fresh();
    let all = fresh();
    for (let i = 1; i <= LOCK_AFTER_FAILURES; i++) {
      const next = admit(source, all, at(i));
      expect(next.admission).toMatchObject({ admitted: true, sourceFailures: i });
      ({ source, all } = next);
    }
    expect(source.lockedUntil).toEqual(at(LOCK_AFTER_FAILURES + 60));
    const refused = admit(source, all, at(LOCK_AFTER_FAILURES + 1));
    expect(refused.admission).toEqual({ admitted: false, retryAfterSeconds: 59 });
    expect(refused.source).toBe(source); // a refused attempt changes nothing
  });

  it('forgets an address’s failures after a quiet day', () => {
    const source = { ...fresh(), failures: 4, lastFailureAt: at(0) };
    const next = admit(source, fresh(), at(24 * 3600 + 1));
    expect(next.admission).toMatchObject({ admitted: true, sourceFailures: 1 });
  });

  it('slows addresses without a recent success once the login has many failures', () => {
    const all = { ...fresh(), failures: SLOW_AFTER_FAILURES - 1, lastFailureAt: at(0) };
    const first = admit(fresh(), all, at(1));
    expect(first.admission).toMatchObject({ admitted: true, startsSlowdown: true });
    expect(first.all.lockedUntil).toEqual(at(2));
    // Another new address within that second waits; an address the staff member logged in from does not.
    expect(admit(fresh(), first.all, at(1)).admission).toEqual({
      admitted: false,
      retryAfterSeconds: 1,
    });
    const trusted = { ...fresh(), lastSuccessAt: at(-3600) };
    const fromOffice = admit(trusted, first.all, at(1));
    expect(fromOffice.admission.admitted).toBe(true);
    // It counts, but does not push new addresses' next try further away.
    expect(fromOffice.all.failures).toBe(SLOW_AFTER_FAILURES + 1);
    expect(fromOffice.all.lockedUntil).toEqual(at(2));
  });

  it('a success clears the address, trusts it and refunds the advance count', () => {
    const next = admit({ ...fresh(), failures: 3 }, { ...fresh(), failures: 3 }, at(0));
    const after = succeed(next.source, next.all, at(0));
    expect(after.source).toMatchObject({ failures: 0, lockedUntil: null, lastSuccessAt: at(0) });
    expect(after.all.failures).toBe(3);
  });
});
