// Writing the audit log without Nest: the 1C import process records what it does to who may see
// a contract (modules/shares/guest-accounts.ts). In the API, AuditService.record does the same.
import type { Db } from '../../database/sql';
import { AuditRepository } from './audit.repository';
import type { AuditRecord } from './audit.service';

/** Writes `entry` to `audit_log` in `tx`, the transaction of the change it records. */
export async function recordAudit(tx: Db, entry: AuditRecord): Promise<void> {
  await new AuditRepository(tx).insert(entry);
}
