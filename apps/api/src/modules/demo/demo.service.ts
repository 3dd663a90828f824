import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffRole } from '@kabinet/shared';
import { Customer } from '../customers/customer.entity';
import { ExchangeService } from '../exchange/exchange.service';
import { StaffService } from '../staff/staff.service';
import { DEMO_ADMIN, DEMO_FILE, DEMO_STAFF_PASSWORD } from './demo-data';

export interface DemoLogins {
  customers: Array<{ phone: string; fullName: string }>;
  staff: Array<{ login: string; role: string; password: string }>;
}

/** Loads the demo company once, by importing its 1C file through the exchange importer. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly exchange: ExchangeService,
    private readonly staff: StaffService,
  ) {}

  /** Loads the demo data unless customers exist already; true when it loaded. */
  async loadOnce(): Promise<boolean> {
    if ((await this.db.getRepository(Customer).count()) > 0) return false;
    const result = await this.exchange.importLocalFile(DEMO_FILE, 'demo');
    const file = result.files[0];
    if (file?.status !== 'imported') {
      throw new Error(
        `The demo file did not import: ${file?.status === 'failed' ? file.report : file?.status}`,
      );
    }
    await this.staff.upsertWithPassword({
      ...DEMO_ADMIN,
      role: 'admin',
      password: DEMO_STAFF_PASSWORD,
    });
    const imported: Array<{ login: string; full_name: string; role: StaffRole }> =
      await this.db.query(
        'SELECT login, full_name, role FROM staff_users WHERE external_id IS NOT NULL AND active',
      );
    for (const s of imported) {
      await this.staff.upsertWithPassword({
        login: s.login,
        fullName: s.full_name,
        role: s.role,
        password: DEMO_STAFF_PASSWORD,
      });
    }
    this.logger.log('Demo data loaded');
    return true;
  }

  async logins(): Promise<DemoLogins> {
    const customers: Array<{ phone: string; full_name: string }> = await this.db.query(
      `SELECT phone, full_name FROM customers WHERE phone IS NOT NULL AND archived_at IS NULL
        ORDER BY full_name`,
    );
    const staff: Array<{ login: string; role: string }> = await this.db.query(
      `SELECT login, role FROM staff_users WHERE active AND password_hash IS NOT NULL
        ORDER BY role = 'admin' DESC, login`,
    );
    return {
      customers: customers.map((c) => ({ phone: c.phone, fullName: c.full_name })),
      staff: staff.map((s) => ({ ...s, password: DEMO_STAFF_PASSWORD })),
    };
  }
}
