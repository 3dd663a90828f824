import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** A customer as `GET /api/me` shows them, with their unread notifications counted. */
export interface MeCustomerRow {
  id: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  bonus_balance: string;
  unread: string;
}

/** A staff member as `GET /api/me` shows them, with their unread notifications counted. */
export interface MeStaffRow {
  id: string;
  role: StaffRole;
  full_name: string;
  phone: string | null;
  login: string;
  email: string | null;
  unread: string;
}

/** Who is signed in: their own record. */
@Injectable()
export class MeRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Customer `id` and their unread notifications, one statement; none when missing. */
  async customer(id: string): Promise<MeCustomerRow | undefined> {
    const rows = await this.db.query<MeCustomerRow>(
      sql`SELECT cu.id, cu.full_name, cu.phone, cu.email, cu.bonus_balance,
                 (SELECT count(*) FROM notifications n
                   WHERE n.customer_id = cu.id AND n.read_at IS NULL) AS unread
            FROM customers cu WHERE cu.id = ${id}`,
    );
    return rows[0];
  }

  /** Staff member `id` and their unread notifications (their chats' news); none when missing. */
  async staff(id: string): Promise<MeStaffRow | undefined> {
    const rows = await this.db.query<MeStaffRow>(
      sql`SELECT s.id, s.role, s.full_name, s.phone, s.login, s.email,
                 (SELECT count(*) FROM notifications n
                   WHERE n.staff_user_id = s.id AND n.read_at IS NULL) AS unread
            FROM staff_users s WHERE s.id = ${id}`,
    );
    return rows[0];
  }
}
