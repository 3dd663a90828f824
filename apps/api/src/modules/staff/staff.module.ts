import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LoginAlertService } from './login-alerts';
import { LoginThrottleService } from './login-throttle';
import { LoginThrottleRepository } from './login-throttle.repository';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

/** Staff accounts: passwords, the login lockouts and the alerts about attacks on them. */
@Module({
  imports: [AuditModule],
  providers: [
    StaffRepository,
    LoginThrottleRepository,
    StaffService,
    LoginThrottleService,
    LoginAlertService,
  ],
  exports: [StaffService, LoginThrottleService],
})
export class StaffModule {}
