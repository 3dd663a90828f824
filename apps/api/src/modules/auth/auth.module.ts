import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { MeController } from '../me/me.controller';
import { MeService } from '../me/me.service';
import { LoginAlertService } from '../staff/login-alerts';
import { LoginThrottleService } from '../staff/login-throttle';
import { StaffService } from '../staff/staff.service';
import { AuthController } from './auth.controller';
import { AuthHousekeepingService } from './housekeeping.service';
import { OtpService } from './otp.service';
import { SessionsService } from './sessions.service';
import { CustomerOtpStrategy, StaffPasswordStrategy } from './strategies';

@Module({
  imports: [PassportModule],
  controllers: [AuthController, MeController],
  providers: [
    OtpService,
    SessionsService,
    StaffService,
    LoginThrottleService,
    LoginAlertService,
    MeService,
    CustomerOtpStrategy,
    StaffPasswordStrategy,
    AuthHousekeepingService,
  ],
  exports: [SessionsService, StaffService, MeService],
})
export class AuthModule {}
