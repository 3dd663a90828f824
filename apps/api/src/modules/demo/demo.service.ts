import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizePhone } from '../../common/phone';
import { Customer } from '../customers/customer.entity';
import { ExchangeUpsertService } from '../exchange/upsert.service';
import { StaffService } from '../staff/staff.service';
import { DEMO_ADMIN, DEMO_BATCH, DEMO_STAFF_PASSWORD } from './demo-data';

export interface DemoLogins {
  customers: Array<{ phone: string; fullName: string }>;
  staff: Array<{ login: string; role: string; password: string }>;
}

/** Loads the demo company once (through the same upsert the 1C import uses). */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly upsert: ExchangeUpsertService,
    private readonly staff: StaffService,
  ) {}

  /** Loads the demo data unless customers exist already; true when it loaded. */
  async loadOnce(): Promise<boolean> {
    if ((await this.db.getRepository(Customer).count()) > 0) return false;
    await this.db.transaction((tx) => this.upsert.apply(tx, DEMO_BATCH));
    await this.staff.upsertWithPassword({
      ...DEMO_ADMIN,
      role: 'admin',
      password: DEMO_STAFF_PASSWORD,
    });
    for (const s of DEMO_BATCH.staff) {
      await this.staff.upsertWithPassword({ ...s, password: DEMO_STAFF_PASSWORD });
    }
    this.logger.log('Demo data loaded');
    return true;
  }

  logins(): DemoLogins {
    return {
      customers: DEMO_BATCH.customers.map((c) => ({
        phone: normalizePhone(c.phoneRaw) ?? '',
        fullName: c.fullName,
      })),
      staff: [{ login: DEMO_ADMIN.login, role: 'admin' }, ...DEMO_BATCH.staff].map((s) => ({
        login: s.login,
        role: s.role,
        password: DEMO_STAFF_PASSWORD,
      })),
    };
  }
}
