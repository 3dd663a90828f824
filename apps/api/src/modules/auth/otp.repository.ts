import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, join, sql, type Db } from '../../database/sql';

/** A login-code request as `request` writes it (no code yet). */
export interface NewOtpChallenge {
  phone: string;
  customerId: string | null;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
}

/** The open request a code is checked against. */
export interface OtpChallengeRow {
  id: string;
  customer_id: string | null;
  code_hash: string | null;
  attempts: number;
  expires_at: Date;
}

/** `otp_challenges`: every request for a login code, known phone or not. */
@Injectable()
export class OtpRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Serialises requests for one phone until the transaction ends. */
  async lockPhone(phone: string): Promise<void> {
    await this.db.query(sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`);
  }

  /** When the phone's requests after `since` were made, oldest first. */
  async requestedSince(phone: string, since: Date): Promise<Date[]> {
    const rows = await this.db.query<{ created_at: Date }>(
      sql`SELECT created_at FROM otp_challenges WHERE phone = ${phone} AND created_at > ${since}
           ORDER BY created_at ASC`,
    );
    return rows.map((r) => r.created_at);
  }

  /** Closes the phone's open requests (a newer one replaces them). */
  async closeOpen(phone: string, at: Date): Promise<void> {
    await this.db.query(
      sql`UPDATE otp_challenges SET closed_at = ${at} WHERE phone = ${phone} AND closed_at IS NULL`,
    );
  }

  /** The live (not archived) customer with this phone, if any. */
  async liveCustomerIdByPhone(phone: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      sql`SELECT id FROM customers WHERE phone = ${phone} AND archived_at IS NULL LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }

  /** Whether the customer `id` exists and is not archived. */
  async isLiveCustomer(id: string): Promise<boolean> {
    const rows = await this.db.query(
      sql`SELECT 1 FROM customers WHERE id = ${id} AND archived_at IS NULL LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** Writes a request without a code; answers its id. */
  async insert(c: NewOtpChallenge): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO otp_challenges (phone, customer_id, code_hash, attempts, created_at,
                                      expires_at, closed_at, ip)
          VALUES (${c.phone}, ${c.customerId}, NULL, 0, ${c.createdAt}, ${c.expiresAt}, NULL,
                  ${c.ip})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  async setCodeHash(id: string, codeHash: string): Promise<void> {
    await this.db.query(sql`UPDATE otp_challenges SET code_hash = ${codeHash} WHERE id = ${id}`);
  }

  /** The phone's newest open request, locked until the transaction ends. */
  async latestOpenForUpdate(phone: string): Promise<OtpChallengeRow | undefined> {
    const rows = await this.db.query<OtpChallengeRow>(
      sql`SELECT id, customer_id, code_hash, attempts, expires_at FROM otp_challenges
           WHERE phone = ${phone} AND closed_at IS NULL
           ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    );
    return rows[0];
  }

  async close(id: string, at: Date): Promise<void> {
    await this.db.query(sql`UPDATE otp_challenges SET closed_at = ${at} WHERE id = ${id}`);
  }

  /** A wrong code: the request's tries so far, and closed at `closedAt` when they are used up. */
  async recordAttempt(id: string, attempts: number, closedAt: Date | null): Promise<void> {
    const set = [sql`attempts = ${attempts}`];
    if (closedAt) set.push(sql`closed_at = ${closedAt}`);
    await this.db.query(sql`UPDATE otp_challenges SET ${join(set, ', ')} WHERE id = ${id}`);
  }

  /** Deletes the requests made before `before`; answers how many. */
  async deleteOlderThan(before: Date): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      sql`WITH gone AS (DELETE FROM otp_challenges WHERE created_at < ${before} RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0]?.n ?? 0;
  }
}
