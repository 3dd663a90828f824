import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/** `source` of the row that counts a login's failures from every address together. */
export const ALL_SOURCES = '*';

/**
 * Failed staff logins, counted per login string (whether or not such an account exists, so an
 * unknown login behaves exactly like a real one) and per source: one row per login and client
 * address, plus one row per login for all addresses together (`source = '*'`). See
 * `login-throttle.ts` for the rules.
 */
@Entity('staff_login_throttles')
export class StaffLoginThrottle {
  /** The login as typed, trimmed and lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  login: string;

  /** The client address, or `*` for all addresses together. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  source: string;

  /** Failures since the last success from this source (the `*` row: since the last quiet hour). */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  /**
   * A source's row: no attempt from there before this time. The `*` row: no attempt from an
   * address without a recent success before this time.
   */
  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;

  @TimestampColumn({ nullable: true })
  lastFailureAt: Date | null;

  /** A source's row: the last successful login from there (a trusted address for a while). */
  @TimestampColumn({ nullable: true })
  lastSuccessAt: Date | null;

  /** The `*` row: when the staff member and the admins were last told of an attack. */
  @TimestampColumn({ nullable: true })
  noticedAt: Date | null;
}
