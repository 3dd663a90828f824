import { Injectable, Logger } from '@nestjs/common';
import { ExchangeService } from '../exchange/exchange.service';
import { StaffService } from '../staff/staff.service';
import { DEMO_ADMIN, DEMO_FILE, DEMO_STAFF_PASSWORD } from './demo-data';
import { DemoRepository } from './demo.repository';

export interface DemoLogins {
  customers: Array<{ phone: string; fullName: string }>;
  staff: Array<{ login: string; role: string; password: string }>;
}

/** Loads the demo company once, by importing its 1C file through the exchange importer. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly repo: DemoRepository,
    private readonly exchange: ExchangeService,
    private readonly staff: StaffService,
  ) {}

  /** Loads the demo data unless customers exist already; true when it loaded. */
  async loadOnce(): Promise<boolean> {
    if (await this.repo.hasCustomers()) return false;
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
    for (const s of await this.repo.importedStaff()) {
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
    const customers = await this.repo.customerLogins();
    const staff = await this.repo.staffLogins();
    return {
      customers: customers.map((c) => ({ phone: c.phone, fullName: c.full_name })),
      staff: staff.map((s) => ({ ...s, password: DEMO_STAFF_PASSWORD })),
    };
  }
}
