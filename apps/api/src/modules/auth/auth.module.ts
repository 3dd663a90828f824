import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { MeModule } from '../me/me.module';
import { StaffModule } from '../staff/staff.module';
import { AuthController } from './auth.controller';
import { AuthHousekeepingService } from './housekeeping.service';
import { OtpRepository } from './otp.repository';
import { OtpService } from './otp.service';
import { SessionEndings } from './session-endings';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { CustomerOtpStrategy, StaffPasswordStrategy } from './strategies';

@Module({
  imports: [PassportModule, MeModule, StaffModule],
  controllers: [AuthController],
  providers: [
    OtpRepository,
    SessionsRepository,
    OtpService,
    SessionsService,
    SessionEndings,
    CustomerOtpStrategy,
    StaffPasswordStrategy,
    AuthHousekeepingService,
  ],
  exports: [SessionsService, SessionEndings],
})
export class AuthModule {}
