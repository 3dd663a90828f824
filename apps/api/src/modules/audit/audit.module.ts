import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log (`audit_log`): sensitive staff actions and attacks on staff logins. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
