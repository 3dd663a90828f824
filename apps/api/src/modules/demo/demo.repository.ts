import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

export interface ImportedStaffRow {
  login: string;
  full_name: string;
  role: StaffRole;
}

export interface CustomerLoginRow {
  phone: string;
  full_name: string;
}

export interface StaffLoginRow {
  login: string;
  role: string;
}

/** What the demo loader reads: whether data exists, and who may log in to try it. */
@Injectable()
export class DemoRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** Whether any customer exists (archived ones too). */
  async hasCustomers(): Promise<boolean> {
    const rows = await this.db.query(sql`SELECT 1 FROM customers LIMIT 1`);
    return rows.length > 0;
  }

  /** The active staff accounts that came from 1C. */
  async importedStaff(): Promise<ImportedStaffRow[]> {
    return this.db.query<ImportedStaffRow>(
      sql`SELECT login, full_name, role FROM staff_users WHERE external_id IS NOT NULL AND active`,
    );
  }

  /** The live customers with a phone, by name. */
  async customerLogins(): Promise<CustomerLoginRow[]> {
    return this.db.query<CustomerLoginRow>(
      sql`SELECT phone, full_name FROM customers WHERE phone IS NOT NULL AND archived_at IS NULL
           ORDER BY full_name`,
    );
  }

  /** The active staff accounts with a password, admins first. */
  async staffLogins(): Promise<StaffLoginRow[]> {
    return this.db.query<StaffLoginRow>(
      sql`SELECT login, role FROM staff_users WHERE active AND password_hash IS NOT NULL
           ORDER BY role = 'admin' DESC, login`,
    );
  }
}
