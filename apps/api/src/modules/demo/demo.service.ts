import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import {
  parseExchange,
  writeImportFile,
  type CustomerRecord,
  type StaffRecord,
} from '@kabinet/exchange-1c';
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

  /**
   * Loads the demo data unless customers exist already; true when it loaded. The company's
   * people come first, in a file of their own (as an earlier exchange would have brought them),
   * then the demo file: its contracts are added to customers who existed before it, so each
   * customer finds "contract added" in the cabinet — as after any later import. (A company's
   * very first file, which creates the customers too, tells nobody.)
   */
  async loadOnce(): Promise<boolean> {
    if (await this.repo.hasCustomers()) return false;
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-demo-'));
    try {
      const people = join(dir, 'demo-granit-master-people.xml');
      await writeFile(people, await peopleOf(DEMO_FILE));
      await this.importDemoFile(people);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await this.importDemoFile(DEMO_FILE);
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

  private async importDemoFile(path: string): Promise<void> {
    const result = await this.exchange.importLocalFile(path, 'demo');
    const file = result.files[0];
    if (file?.status !== 'imported') {
      throw new Error(
        `The demo file did not import: ${file?.status === 'failed' ? file.report : file?.status}`,
      );
    }
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

/** A 1C file of the staff and customers of `path` alone (only changes: it archives nothing). */
async function peopleOf(path: string): Promise<Buffer> {
  const staff = new Map<string, StaffRecord>();
  const customers = new Map<string, CustomerRecord>();
  let generatedAt = '';
  for await (const event of parseExchange(createReadStream(path))) {
    if (event.kind === 'header') generatedAt = event.header.generatedAt ?? '';
    if (event.kind !== 'record') continue;
    const { record } = event;
    if (record.type === 'staff') staff.set(record.record.externalId, record.record);
    if (record.type === 'customer') customers.set(record.record.externalId, record.record);
  }
  return writeImportFile(
    { staff: [...staff.values()], customers: [...customers.values()], contracts: [], payments: [] },
    { generatedAt },
  );
}
