import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/sql';
import { AuditRepository } from './audit.repository';

/**
 * One entry of `audit_log`: who (a staff member or a customer; null: no one signed in, or the 1C
 * import), did what, to whom, with what details.
 */
export interface AuditRecord {
  actorId: string | null;
  /** e.g. `customer.viewAs.start` (see `AuditEntry.action`). */
  action: string;
  subjectType: 'customer' | 'staff_user' | 'contract';
  subjectId: string;
  details?: Record<string, unknown>;
  /** When, if not the database's now (the app's clock). */
  at?: Date;
}

/** Writes the audit log, always inside the transaction (`tx`) of the change it records. */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(tx: Db, entry: AuditRecord): Promise<void> {
    await this.repo.in(tx).insert(entry);
  }
}
