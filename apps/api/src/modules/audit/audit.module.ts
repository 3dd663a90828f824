import { Module } from '@nestjs/common';
import { DB, type Db } from '../../database/sql';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit log (`audit_log`): sensitive staff actions and attacks on staff logins. */
@Module({
  providers: [
    // No Nest in the repository: the import process writes the log too (record-audit.ts).
    { provide: AuditRepository, useFactory: (db: Db) => new AuditRepository(db), inject: [DB] },
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
