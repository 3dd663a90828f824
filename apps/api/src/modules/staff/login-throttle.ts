import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DB, type Database, type Db } from '../../database/sql';
import { LoginThrottleRepository, type ThrottleRow } from './login-throttle.repository';
import { ALL_SOURCES } from './staff-login-throttle.entity';

/**
 * The staff login lockout. Failures are counted per login string (known or not: an unknown login
 * is throttled exactly like a real one) in two ways:
 *
 * - per login and client address: after `LOCK_AFTER_FAILURES` failures in a row that address
 *   may not try the login for a minute, doubling with each further failure up to an hour. Only
 *   that address is locked out: the staff member, from anywhere else, logs in as usual.
 * - per login over all addresses: from `SLOW_AFTER_FAILURES` failures (counted until an hour
 *   passes without one) an address that has not logged in to this account successfully in the
 *   last `TRUST_DAYS` gets one try per `spacingMs` (1 s, doubling up to a minute) for the whole
 *   login. Guessing from many addresses is slowed to a try a minute; the staff member, from an
 *   address they have logged in from, is not slowed at all.
 *
 * An attempt is counted as a failure before the password is checked (and refunded when it is
 * right), so a burst of parallel guesses cannot slip past the count.
 */
export const LOCK_AFTER_FAILURES = 5;
export const SLOW_AFTER_FAILURES = 10;
export const TRUST_DAYS = 90;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
const BASE_SPACING_MS = 1000;
const MAX_SPACING_MS = 60_000;
/** An address's failures are forgotten after a day without one. */
const SOURCE_QUIET_MS = 24 * 3600_000;
/** A login's failures from all addresses are forgotten after an hour without one. */
const ALL_QUIET_MS = 3600_000;
const TRUST_MS = TRUST_DAYS * 24 * 3600_000;

/** How long an address is locked out of a login after `failures` failures in a row. */
export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - LOCK_AFTER_FAILURES));
}

/** The wait between tries of new addresses after `failures` failures from all addresses. */
export function spacingMs(failures: number): number {
  if (failures < SLOW_AFTER_FAILURES) return 0;
  return Math.min(MAX_SPACING_MS, BASE_SPACING_MS * 2 ** (failures - SLOW_AFTER_FAILURES));
}

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
}

export type Admission =
  | { admitted: false; retryAfterSeconds: number }
  | {
      admitted: true;
      /** If the password is wrong, this address is now locked out until then (for so long). */
      lockedUntil: Date | null;
      lockSeconds: number;
      /** The failures the address and the login have had, this attempt included. */
      sourceFailures: number;
      allFailures: number;
      /** A wrong password now starts a lockout of this address / the slowing of the login. */
      startsLock: boolean;
      startsSlowdown: boolean;
    };

const secondsUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Decides whether an attempt may check a password and counts it as a failure in advance; returns
 * the decision and the rows' new states (unchanged when refused).
 */
export function admit(
  sourceRow: ThrottleState,
  allRow: ThrottleState,
  now: Date,
): { admission: Admission; source: ThrottleState; all: ThrottleState } {
  const t = now.getTime();
  const source = { ...sourceRow };
  const all = { ...allRow };
  if (source.lastFailureAt && t - source.lastFailureAt.getTime() > SOURCE_QUIET_MS) {
    source.failures = 0;
  }
  if (all.lastFailureAt && t - all.lastFailureAt.getTime() > ALL_QUIET_MS) {
    all.failures = 0;
    all.lockedUntil = null;
  }
  if (source.lockedUntil && source.lockedUntil > now) {
    return {
      admission: { admitted: false, retryAfterSeconds: secondsUntil(source.lockedUntil, now) },
      source: sourceRow,
      all: allRow,
    };
  }
  const trusted = !!source.lastSuccessAt && t - source.lastSuccessAt.getTime() < TRUST_MS;
  if (!trusted && all.lockedUntil && all.lockedUntil > now) {
    return {
      admission: { admitted: false, retryAfterSeconds: secondsUntil(all.lockedUntil, now) },
      source: sourceRow,
      all: allRow,
    };
  }
  source.failures += 1;
  source.lastFailureAt = now;
  const lockMs = lockDurationMs(source.failures);
  source.lockedUntil = lockMs ? new Date(t + lockMs) : null;
  all.failures += 1;
  all.lastFailureAt = now;
  // The next try of a new address waits; one the staff member uses moves nothing.
  const spacing = trusted ? 0 : spacingMs(all.failures);
  if (spacing) all.lockedUntil = new Date(t + spacing);
  return {
    admission: {
      admitted: true,
      lockedUntil: source.lockedUntil,
      lockSeconds: lockMs / 1000,
      sourceFailures: source.failures,
      allFailures: all.failures,
      startsLock: source.failures === LOCK_AFTER_FAILURES,
      startsSlowdown: all.failures === SLOW_AFTER_FAILURES,
    },
    source,
    all,
  };
}

/** The right password: the address is cleared and trusted, the advance count refunded. */
export function succeed(
  sourceRow: ThrottleState,
  allRow: ThrottleState,
  now: Date,
): { source: ThrottleState; all: ThrottleState } {
  const failures = Math.max(0, allRow.failures - 1);
  return {
    source: { ...sourceRow, failures: 0, lockedUntil: null, lastSuccessAt: now },
    all: {
      ...allRow,
      failures,
      lockedUntil: failures < SLOW_AFTER_FAILURES ? null : allRow.lockedUntil,
    },
  };
}

const fromRow = (r: ThrottleRow): ThrottleState => ({
  failures: r.failures,
  lockedUntil: r.locked_until,
  lastFailureAt: r.last_failure_at,
  lastSuccessAt: r.last_success_at,
});

const toRow = (s: ThrottleState): ThrottleRow => ({
  failures: s.failures,
  locked_until: s.lockedUntil,
  last_failure_at: s.lastFailureAt,
  last_success_at: s.lastSuccessAt,
});

/** Reads and writes the counts (`staff_login_throttles`), one short transaction per step. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: LoginThrottleRepository,
    private readonly clock: Clock,
  ) {}

  /** Before checking a password: may this address try this login now? Counts the attempt. */
  admit(login: string, source: string): Promise<Admission> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const [allRow, sourceRow] = await this.lockRows(tx, login, source);
      const next = admit(sourceRow, allRow, now);
      if (next.admission.admitted) await this.save(tx, login, source, next.source, next.all);
      return next.admission;
    });
  }

  /** After the right password. */
  async succeeded(login: string, source: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [allRow, sourceRow] = await this.lockRows(tx, login, source);
      const next = succeed(sourceRow, allRow, this.clock.now());
      await this.save(tx, login, source, next.source, next.all);
    });
  }

  /**
   * Claims the right to tell people about an attack on `login`: true at most once an hour, so a
   * long attack does not flood anyone's mail.
   */
  async claimNotice(tx: Db, login: string): Promise<boolean> {
    const now = this.clock.now();
    return this.repo
      .in(tx)
      .claimNotice(login, ALL_SOURCES, now, new Date(now.getTime() - 3600_000));
  }

  /** A new password: every address may try again at once. */
  async reset(tx: Db, login: string): Promise<void> {
    await this.repo.in(tx).reset(login);
  }

  /** Forgets rows that no longer matter (no lock, no recent failure, no trust, no notice). */
  async housekeeping(): Promise<number> {
    const now = this.clock.now().getTime();
    return this.repo.deleteStale(
      new Date(now),
      new Date(now - SOURCE_QUIET_MS),
      new Date(now - TRUST_MS),
    );
  }

  /** The login's row for all addresses, then the address's row: always in this order. */
  private async lockRows(
    tx: Db,
    login: string,
    source: string,
  ): Promise<[ThrottleState, ThrottleState]> {
    const throttles = this.repo.in(tx);
    const all = await throttles.lock(login, ALL_SOURCES);
    const own = await throttles.lock(login, source);
    return [fromRow(all), fromRow(own)];
  }

  private async save(
    tx: Db,
    login: string,
    source: string,
    sourceState: ThrottleState,
    allState: ThrottleState,
  ): Promise<void> {
    const throttles = this.repo.in(tx);
    await throttles.save(login, ALL_SOURCES, toRow(allState));
    await throttles.save(login, source, toRow(sourceState));
  }
}
