import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { validateBody } from '../../common/validate-body';
import { StaffService } from '../staff/staff.service';
import type { LoginSubject } from './auth-context';
import { OtpVerifyDto, StaffLoginDto } from './auth.dto';
import { OtpService } from './otp.service';

/** Customer login: phone + one-time code. */
@Injectable()
export class CustomerOtpStrategy extends PassportStrategy(Strategy, 'customer-otp') {
  constructor(private readonly otp: OtpService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<LoginSubject> {
    const body = await validateBody(OtpVerifyDto, request.body);
    const customerId = await this.otp.verify(body.phone, body.code);
    return { kind: 'customer', customerId };
  }
}

/** Staff login: login + password (argon2id), throttled per login and address (login-throttle.ts). */
@Injectable()
export class StaffPasswordStrategy extends PassportStrategy(Strategy, 'staff-password') {
  constructor(private readonly staff: StaffService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<LoginSubject> {
    const body = await validateBody(StaffLoginDto, request.body);
    const staffUserId = await this.staff.authenticate(body.login, body.password, request.ip);
    return { kind: 'staff', staffUserId };
  }
}
