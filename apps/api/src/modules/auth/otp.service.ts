import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OTP } from '@kabinet/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database } from '../../database/sql';
import { loginCodeSms } from '../company/brand-texts';
import { CompanyService } from '../company/company.service';
import { SMS_SENDER, type SmsSender } from '../sms/sms-sender';
import { OtpRepository } from './otp.repository';

export interface OtpRequested {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

type VerifyOutcome =
  | { ok: true; customerId: string }
  | { ok: false; error: 'otp_invalid' | 'otp_attempts_exceeded'; attemptsLeft: number };

/**
 * Login codes for customers. Answers are the same for known and unknown phones; every limit
 * counts requests per phone, whether or not the phone belongs to anyone.
 */
@Injectable()
export class OtpService {
  private readonly logger = new Logger(OtpService.name);

  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: OtpRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly clock: Clock,
    private readonly company: CompanyService,
  ) {}

  async request(rawPhone: string, ip?: string): Promise<OtpRequested> {
    const phone = this.phoneOrFail(rawPhone);
    const now = this.clock.now();
    const code = String(randomInt(0, 10 ** OTP.length)).padStart(OTP.length, '0');
    const customerId = await this.db.transaction(async (tx) => {
      const challenges = this.repo.in(tx);
      // Serialise requests for one phone so the count and the insert cannot interleave.
      await challenges.lockPhone(phone);
      const windowStart = new Date(now.getTime() - OTP.sendWindowSeconds * 1000);
      const recent = await challenges.requestedSince(phone, windowStart);
      const secondsUntil = (t: number) => Math.max(1, Math.ceil((t - now.getTime()) / 1000));
      // The spacing the answer announces (`resendAfterSeconds`), kept per phone.
      const latest = recent.at(-1)?.getTime();
      const spacedUntil = latest === undefined ? 0 : latest + OTP.resendAfterSeconds * 1000;
      if (recent.length >= OTP.maxSendsPerWindow) {
        const oldest = recent[0]!.getTime();
        throw new DomainError('otp_send_limit', 'Too many codes requested for this number', {
          retryAfterSeconds: secondsUntil(
            Math.max(oldest + OTP.sendWindowSeconds * 1000, spacedUntil),
          ),
        });
      }
      if (spacedUntil > now.getTime()) {
        throw new DomainError('otp_resend_too_soon', 'A code was sent to this number just now', {
          retryAfterSeconds: secondsUntil(spacedUntil),
        });
      }
      await challenges.closeOpen(phone, now);
      const customerId = await challenges.liveCustomerIdByPhone(phone);
      const challengeId = await challenges.insert({
        phone,
        customerId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + OTP.ttlSeconds * 1000),
        ip: ip?.slice(0, 64) ?? null,
      });
      if (customerId) await challenges.setCodeHash(challengeId, this.hash(challengeId, code));
      return customerId;
    });
    if (customerId) {
      // Not awaited: the answer must take as long for a known phone as for an unknown one.
      // The page tells people to call their manager if no code comes.
      this.company
        .letterhead()
        .then((company) => this.sms.send(phone, loginCodeSms(company.name, code)))
        .catch((err: unknown) =>
          this.logger.error({ err, phone }, 'Could not send the login code'),
        );
    }
    return { expiresInSeconds: OTP.ttlSeconds, resendAfterSeconds: OTP.resendAfterSeconds };
  }

  /** Checks a code; returns the customer's id or throws `otp_invalid` / `otp_attempts_exceeded`. */
  async verify(rawPhone: string, code: string): Promise<string> {
    const phone = this.phoneOrFail(rawPhone);
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (tx): Promise<VerifyOutcome> => {
      const challenges = this.repo.in(tx);
      const challenge = await challenges.latestOpenForUpdate(phone);
      if (!challenge || challenge.expires_at <= now) {
        return { ok: false, error: 'otp_invalid', attemptsLeft: 0 };
      }
      const matches =
        challenge.code_hash !== null &&
        challenge.customer_id !== null &&
        safeEqual(challenge.code_hash, this.hash(challenge.id, code));
      if (matches) {
        await challenges.close(challenge.id, now);
        const customerId = challenge.customer_id!;
        return (await challenges.isLiveCustomer(customerId))
          ? { ok: true, customerId }
          : { ok: false, error: 'otp_invalid', attemptsLeft: 0 };
      }
      const attempts = challenge.attempts + 1;
      const burnt = attempts >= OTP.maxAttempts;
      await challenges.recordAttempt(challenge.id, attempts, burnt ? now : null);
      return {
        ok: false,
        error: burnt ? 'otp_attempts_exceeded' : 'otp_invalid',
        attemptsLeft: OTP.maxAttempts - attempts,
      };
    });
    if (outcome.ok) return outcome.customerId;
    // How many tries the code has left (0: request a new one), the same for every phone.
    const extra = { attemptsLeft: outcome.attemptsLeft };
    throw outcome.error === 'otp_attempts_exceeded'
      ? new DomainError('otp_attempts_exceeded', 'Too many wrong codes: request a new one', extra)
      : new DomainError('otp_invalid', 'The code is wrong or has expired', extra);
  }

  private phoneOrFail(raw: string): string {
    const phone = normalizePhone(raw);
    if (!phone) {
      throw DomainError.validation([
        { path: 'phone', message: 'phone must be a valid phone number' },
      ]);
    }
    return phone;
  }

  private hash(challengeId: string, code: string): string {
    return createHmac('sha256', this.config.appSecret)
      .update(`${challengeId}:${code}`)
      .digest('hex');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
