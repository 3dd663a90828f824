import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { MeController } from '../me/me.controller';
import { MeService } from '../me/me.service';
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
    MeService,
    CustomerOtpStrategy,
    StaffPasswordStrategy,
    AuthHousekeepingService,
  ],
  exports: [SessionsService, StaffService, MeService],
})
export class AuthModule {}
