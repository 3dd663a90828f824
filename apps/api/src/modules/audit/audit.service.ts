import { Injectable } from '@nestjs/common';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** One entry of `audit_log`: who (null: no one signed in), did what, to whom, with what details. */
export interface AuditRecord {
  actorId: string | null;
  /** e.g. `customer.viewAs.start` (see `AuditEntry.action`). */
  action: string;
  subjectType: 'customer' | 'staff_user';
  subjectId: string;
  details?: Record<string, unknown>;
  /** When, if not the database's now (the app's clock). */
  at?: Date;
}

/** Writes the audit log, always inside the transaction of the change it records. */
@Injectable()
export class AuditService {
  async record(tx: EntityManager, entry: AuditRecord): Promise<void> {
    const row: Partial<AuditEntry> = {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      ...(entry.details ? { details: entry.details } : {}),
      ...(entry.at ? { at: entry.at } : {}),
    };
    // One INSERT; `details` is jsonb, which TypeORM's deep-partial type cannot express.
    await tx
      .getRepository(AuditEntry)
      .insert(row as Parameters<Repository<AuditEntry>['insert']>[0]);
  }
}
