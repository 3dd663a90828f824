import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** The counts of one login and source (an address, or every address together). */
export interface ThrottleRow {
  failures: number;
  locked_until: Date | null;
  last_failure_at: Date | null;
  last_success_at: Date | null;
}

/** `staff_login_throttles`: failed staff logins per login and source (see login-throttle.ts). */
@Injectable()
export class LoginThrottleRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** The row of `login` and `source` (made when missing), locked until the transaction ends. */
  async lock(login: string, source: string): Promise<ThrottleRow> {
    await this.db.query(
      sql`INSERT INTO staff_login_throttles (login, source) VALUES (${login}, ${source})
          ON CONFLICT DO NOTHING`,
    );
    const rows = await this.db.query<ThrottleRow>(
      sql`SELECT failures, locked_until, last_failure_at, last_success_at
            FROM staff_login_throttles WHERE login = ${login} AND source = ${source} FOR UPDATE`,
    );
    if (!rows[0]) throw new Error(`No throttle row for ${login} from ${source}`);
    return rows[0];
  }

  async save(login: string, source: string, row: ThrottleRow): Promise<void> {
    await this.db.query(
      sql`UPDATE staff_login_throttles
             SET failures = ${row.failures}, locked_until = ${row.locked_until},
                 last_failure_at = ${row.last_failure_at}, last_success_at = ${row.last_success_at}
           WHERE login = ${login} AND source = ${source}`,
    );
  }

  /** Sets `noticed_at` to `at` unless it is after `notBefore`; true when it did. */
  async claimNotice(login: string, source: string, at: Date, notBefore: Date): Promise<boolean> {
    const rows = await this.db.query(
      sql`UPDATE staff_login_throttles SET noticed_at = ${at}
           WHERE login = ${login} AND source = ${source}
             AND (noticed_at IS NULL OR noticed_at <= ${notBefore})
          RETURNING 1`,
    );
    return rows.length > 0;
  }

  /** Lifts every lock of `login` and forgets its failures. */
  async reset(login: string): Promise<void> {
    await this.db.query(
      sql`UPDATE staff_login_throttles SET failures = 0, locked_until = NULL WHERE login = ${login}`,
    );
  }

  /**
   * Deletes rows with no lock after `now`, no failure or notice since `quietSince` and no success
   * since `trustSince`; answers how many.
   */
  async deleteStale(now: Date, quietSince: Date, trustSince: Date): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      sql`WITH gone AS (
            DELETE FROM staff_login_throttles
             WHERE (locked_until IS NULL OR locked_until < ${now})
               AND (last_failure_at IS NULL OR last_failure_at < ${quietSince})
               AND (last_success_at IS NULL OR last_success_at < ${trustSince})
               AND (noticed_at IS NULL OR noticed_at < ${quietSince})
            RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0]?.n ?? 0;
  }
}
