import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LoginAlertService } from './login-alerts';
import { LoginThrottleService } from './login-throttle';
import { StaffService } from './staff.service';

/** Staff accounts: passwords, the login lockouts and the alerts about attacks on them. */
@Module({
  imports: [AuditModule],
  providers: [StaffService, LoginThrottleService, LoginAlertService],
  exports: [StaffService, LoginThrottleService],
})
export class StaffModule {}
