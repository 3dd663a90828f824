import { Repository } from '../../database/repository';
import { sql } from '../../database/sql';
import type { AuditRecord } from './audit.service';

/**
 * `audit_log`, append-only. No Nest here (AuditModule provides it with a factory): the 1C import
 * process writes the log too (`recordAudit`).
 */
export class AuditRepository extends Repository {
  async insert(entry: AuditRecord): Promise<void> {
    await this.db.query(
      sql`INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, details)
          VALUES (COALESCE(${entry.at ?? null}::timestamptz, now()), ${entry.actorId},
                  ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
                  ${JSON.stringify(entry.details ?? {})}::jsonb)`,
    );
  }
}
