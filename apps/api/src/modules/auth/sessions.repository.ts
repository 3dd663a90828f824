import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** A session as `create` writes it. */
export interface NewSession {
  /** sha256(token), hex. */
  id: string;
  customerId: string | null;
  staffUserId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** A session with what deciding its auth context needs: its person, their role and state. */
export interface SessionRow {
  customer_id: string | null;
  staff_user_id: string | null;
  staff_role: string | null;
  staff_active: boolean | null;
  customer_archived: boolean | null;
  expires_at: Date;
  last_seen_at: Date;
  view_as_customer_id: string | null;
  view_as_archived: boolean | null;
  staff_name: string | null;
}

/** A session with its person and the customer viewed as (`find`, `findMany`). */
const SESSION_ROWS = sql`
  SELECT s.id, s.customer_id, s.staff_user_id, s.expires_at, s.last_seen_at,
         su.role AS staff_role, su.active AS staff_active, su.full_name AS staff_name,
         (c.archived_at IS NOT NULL) AS customer_archived,
         s.view_as_customer_id, (vc.archived_at IS NOT NULL) AS view_as_archived
    FROM sessions s
    LEFT JOIN staff_users su ON su.id = s.staff_user_id
    LEFT JOIN customers c ON c.id = s.customer_id
    LEFT JOIN customers vc ON vc.id = s.view_as_customer_id`;

/** `sessions`: opaque server-side sessions, by the SHA-256 of their token. */
@Injectable()
export class SessionsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  async insert(s: NewSession): Promise<void> {
    await this.db.query(
      sql`INSERT INTO sessions (id, customer_id, staff_user_id, created_at, last_seen_at,
                                expires_at, ip, user_agent)
          VALUES (${s.id}, ${s.customerId}, ${s.staffUserId}, ${s.createdAt}, ${s.lastSeenAt},
                  ${s.expiresAt}, ${s.ip}, ${s.userAgent})`,
    );
  }

  /**
   * Stamps the customer's first login, the baseline of "changed since the last visit". Database
   * time, as the visits (contract_views) and the changes (contracts.changed_at) it is compared with.
   */
  async markFirstLogin(customerId: string): Promise<void> {
    await this.db.query(
      sql`UPDATE customers SET first_login_at = now()
           WHERE id = ${customerId} AND first_login_at IS NULL`,
    );
  }

  /** The session `id` with its person (staff member or customer) and the customer viewed as. */
  async find(id: string): Promise<SessionRow | undefined> {
    const rows = await this.db.query<SessionRow>(sql`${SESSION_ROWS} WHERE s.id = ${id}`);
    return rows[0];
  }

  /** Those of the sessions `ids` that exist, as `find` reads them, with their ids. */
  async findMany(ids: readonly string[]): Promise<Array<SessionRow & { id: string }>> {
    return this.db.query<SessionRow & { id: string }>(
      sql`${SESSION_ROWS} WHERE s.id = ANY(${[...ids]}::varchar[])`,
    );
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.query(sql`UPDATE sessions SET last_seen_at = ${at} WHERE id = ${id}`);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(sql`DELETE FROM sessions WHERE id = ${id}`);
  }

  /** Every session of a customer's, or of a staff member's; answers their ids. */
  async deleteAllOf(person: { customerId: string } | { staffUserId: string }): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      'customerId' in person
        ? sql`DELETE FROM sessions WHERE customer_id = ${person.customerId} RETURNING id`
        : sql`DELETE FROM sessions WHERE staff_user_id = ${person.staffUserId} RETURNING id`,
    );
    return rows.map((r) => r.id);
  }

  /** Deletes the sessions expired by `now`; answers their ids. */
  async deleteExpired(now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      sql`DELETE FROM sessions WHERE expires_at <= ${now} RETURNING id`,
    );
    return rows.map((r) => r.id);
  }
}
