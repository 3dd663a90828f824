import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import type { AuditRecord } from './audit.service';

/** `audit_log`, append-only. */
@Injectable()
export class AuditRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  async insert(entry: AuditRecord): Promise<void> {
    await this.db.query(
      sql`INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, details)
          VALUES (COALESCE(${entry.at ?? null}::timestamptz, now()), ${entry.actorId},
                  ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
                  ${JSON.stringify(entry.details ?? {})}::jsonb)`,
    );
  }
}
