import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDto } from '../../common/problem.dto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MeDto } from '../me/me.dto';
import { MeService } from '../me/me.service';
import type { AuthContext, LoginSubject } from './auth-context';
import { Auth, Authenticated, Public } from './auth.decorators';
import { OtpRequestDto, OtpRequestedDto, OtpVerifyDto, StaffLoginDto } from './auth.dto';
import { cookieSettings } from './cookies';
import { OtpService } from './otp.service';
import { SessionsService } from './sessions.service';

type LoginRequest = FastifyRequest & { user?: LoginSubject; auth?: AuthContext };

const PER_MINUTE = 60_000;

@ApiTags('auth')
@Controller('auth')
@ApiResponse({ status: 400, description: 'Invalid input', type: ProblemDto })
@ApiResponse({ status: 429, description: 'Rate limited', type: ProblemDto })
export class AuthController {
  private readonly cookies: ReturnType<typeof cookieSettings>;

  constructor(
    private readonly otp: OtpService,
    private readonly sessions: SessionsService,
    private readonly me: MeService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookies = cookieSettings(config);
  }

  /** Sends a login code by SMS if the phone belongs to a customer; the answer is the same either way. */
  @Post('otp/request')
  @ApiOperation({ summary: 'Send a login code by SMS' })
  @Public()
  @HttpCode(202)
  @Throttle({ default: { limit: 10, ttl: PER_MINUTE } })
  @ApiAcceptedResponse({ type: OtpRequestedDto })
  requestOtp(@Body() body: OtpRequestDto, @Req() req: FastifyRequest): Promise<OtpRequestedDto> {
    return this.otp.request(body.phone, req.ip);
  }

  /** Logs a customer in with the code; sets the session cookie. */
  @Post('otp/verify')
  @ApiOperation({ summary: 'Log a customer in with phone and code' })
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: PER_MINUTE } })
  @UseGuards(AuthGuard('customer-otp'))
  @ApiBody({ type: OtpVerifyDto })
  @ApiOkResponse({ type: MeDto })
  @ApiResponse({ status: 401, description: 'Wrong or expired code', type: ProblemDto })
  verifyOtp(@Req() req: LoginRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.startSession(req, reply);
  }

  /** Logs a staff member in with login and password; sets the session cookie. */
  @Post('staff/login')
  @ApiOperation({ summary: 'Log a staff member in with login and password' })
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: PER_MINUTE } })
  @UseGuards(AuthGuard('staff-password'))
  @ApiBody({ type: StaffLoginDto })
  @ApiOkResponse({ type: MeDto })
  @ApiResponse({ status: 401, description: 'Wrong login or password', type: ProblemDto })
  staffLogin(@Req() req: LoginRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.startSession(req, reply);
  }

  /** Ends this session. */
  @Post('logout')
  @ApiOperation({ summary: 'Log out (end this session)' })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() req: LoginRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    void reply.clearCookie(this.cookies.sessionName, { path: '/' });
  }

  /** Ends every session of mine: on this device and all others. */
  @Post('logout-everywhere')
  @ApiOperation({ summary: 'Log out everywhere (end all my sessions)' })
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logoutEverywhere(
    @Auth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.sessions.destroyAll(auth);
    void reply.clearCookie(this.cookies.sessionName, { path: '/' });
  }

  private async startSession(req: LoginRequest, reply: FastifyReply): Promise<MeDto> {
    const subject = req.user!;
    const token = await this.sessions.create(subject, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      previousToken: req.cookies[this.cookies.sessionName],
    });
    void reply.setCookie(this.cookies.sessionName, token, this.cookies.session);
    return this.me.get(
      subject.kind === 'customer'
        ? { kind: 'customer', userId: subject.customerId }
        : { kind: 'staff', userId: subject.staffUserId },
    );
  }
}
