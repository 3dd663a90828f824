import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** What checking a password needs of an account. */
export interface StaffCredentialsRow {
  id: string;
  active: boolean;
  password_hash: string | null;
}

/** A staff account (without its password). */
export interface StaffAccountRow {
  id: string;
  login: string;
  full_name: string;
  role: StaffRole;
  email: string | null;
  phone: string | null;
  active: boolean;
}

/** An account's fields as `upsertWithPassword` sets them. */
export interface StaffAccountValues {
  login: string;
  passwordHash: string;
  fullName: string;
  role: StaffRole;
  email: string | null;
  phone: string | null;
  active: boolean;
}

const ACCOUNT = sql`id, login, full_name, role, email, phone, active`;

/** `staff_users`, and the staff notices about attacks on their logins. */
@Injectable()
export class StaffRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  async credentials(login: string): Promise<StaffCredentialsRow | undefined> {
    const rows = await this.db.query<StaffCredentialsRow>(
      sql`SELECT id, active, password_hash FROM staff_users WHERE login = ${login} LIMIT 1`,
    );
    return rows[0];
  }

  async account(login: string): Promise<StaffAccountRow | undefined> {
    const rows = await this.db.query<StaffAccountRow>(
      sql`SELECT ${ACCOUNT} FROM staff_users WHERE login = ${login} LIMIT 1`,
    );
    return rows[0];
  }

  async insert(v: StaffAccountValues): Promise<StaffAccountRow> {
    const rows = await this.db.query<StaffAccountRow>(
      sql`INSERT INTO staff_users (login, password_hash, full_name, role, email, phone, active)
          VALUES (${v.login}, ${v.passwordHash}, ${v.fullName}, ${v.role}, ${v.email},
                  ${v.phone}, ${v.active})
          RETURNING ${ACCOUNT}`,
    );
    return rows[0]!;
  }

  async update(id: string, v: StaffAccountValues): Promise<StaffAccountRow> {
    const rows = await this.db.query<StaffAccountRow>(
      sql`UPDATE staff_users
             SET login = ${v.login}, password_hash = ${v.passwordHash}, full_name = ${v.fullName},
                 role = ${v.role}, email = ${v.email}, phone = ${v.phone}, active = ${v.active},
                 updated_at = CURRENT_TIMESTAMP
           WHERE id = ${id}
          RETURNING ${ACCOUNT}`,
    );
    if (!rows[0]) throw new Error(`Staff user ${id} vanished while being updated`);
    return rows[0];
  }

  /**
   * A `login_attack` staff notice, with its e-mail delivery, for the staff member `subjectId` and
   * every admin: each active one with an e-mail address.
   */
  async insertLoginAttackNotices(
    subjectId: string,
    params: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await this.db.query(
      sql`WITH recipients AS (
            SELECT id, btrim(email) AS email FROM staff_users
             WHERE active AND NULLIF(btrim(email), '') IS NOT NULL
               AND (id = ${subjectId} OR role = 'admin')
          ), notices AS (
            INSERT INTO staff_notices (recipient_id, kind, params, created_at)
            SELECT id, 'login_attack', ${JSON.stringify(params)}::jsonb, ${at} FROM recipients
            RETURNING id, recipient_id
          )
          INSERT INTO notification_deliveries (staff_notice_id, channel, address)
          SELECT n.id, 'email', r.email FROM notices n JOIN recipients r ON r.id = n.recipient_id`,
    );
  }
}
