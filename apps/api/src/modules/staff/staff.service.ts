import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffRole } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { LoginAlertService } from './login-alerts';
import { LoginThrottleService } from './login-throttle';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { StaffUser } from './staff-user.entity';

export const MIN_PASSWORD_LENGTH = 10;

/** `source` for a request whose client address is not known. */
const UNKNOWN_SOURCE = 'unknown';

@Injectable()
export class StaffService implements OnModuleInit {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly alerts: LoginAlertService,
  ) {}

  /** The dummy hash is made at startup, so the first unknown login takes no longer than others. */
  async onModuleInit(): Promise<void> {
    await dummyHash();
  }

  /**
   * Checks a login and password; returns the staff user's id or throws a typed error. A login
   * that does not exist (or has no password, or is switched off) goes through the same steps —
   * the same throttle rows, the same query, an argon2 check with the same parameters — and gets
   * the same answers, so neither the status, the body nor the time tells whether it exists.
   * The lockout rules are in `login-throttle.ts`.
   */
  async authenticate(rawLogin: string, password: string, ip?: string): Promise<string> {
    const login = rawLogin.trim().toLowerCase();
    const source = ip?.slice(0, 64) || UNKNOWN_SOURCE;
    const admission = await this.throttle.admit(login, source);
    if (!admission.admitted) throw locked(admission.retryAfterSeconds);
    const user = await this.db
      .getRepository(StaffUser)
      .findOne({ where: { login }, select: { id: true, active: true, passwordHash: true } });
    const usable = !!user && user.active && !!user.passwordHash;
    const right = await verifyPassword(usable ? user.passwordHash! : await dummyHash(), password);
    if (usable && right) {
      await this.throttle.succeeded(login, source);
      return user.id;
    }
    if (admission.startsLock || admission.startsSlowdown) {
      // Not awaited: telling people must not make a real login's answer slower than a made-up one's.
      this.alerts
        .attacked({
          login,
          ip: source,
          event: admission.startsLock ? 'locked' : 'slowed',
          failures: admission.startsLock ? admission.sourceFailures : admission.allFailures,
          lockedUntil: admission.startsLock ? admission.lockedUntil : null,
        })
        .catch((err: unknown) => this.logger.error({ err, login }, 'Could not record the attack'));
    }
    // The attempt that locks the address says so at once, with the wait.
    if (admission.lockSeconds) throw locked(admission.lockSeconds);
    throw new DomainError('invalid_credentials', 'Wrong login or password');
  }

  /** Creates a staff account, or sets the password and role of an existing login. */
  async upsertWithPassword(input: {
    login: string;
    password: string;
    fullName: string;
    role: StaffRole;
    email?: string | null;
    phone?: string | null;
  }): Promise<StaffUser> {
    const login = input.login.trim().toLowerCase();
    const fields = [];
    if (!/^[a-z0-9._@-]{3,100}$/.test(login)) {
      fields.push({ path: 'login', message: 'login must be 3-100 of a-z 0-9 . _ @ -' });
    }
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      fields.push({
        path: 'password',
        message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
      });
    }
    if (!input.fullName.trim()) fields.push({ path: 'fullName', message: 'fullName is required' });
    if (fields.length) throw DomainError.validation(fields);
    const repo = this.db.getRepository(StaffUser);
    const passwordHash = await hashPassword(input.password);
    const existing = await repo.findOne({ where: { login } });
    const values = {
      login,
      passwordHash,
      fullName: input.fullName.trim(),
      role: input.role,
      email: input.email ?? existing?.email ?? null,
      phone: normalizePhone(input.phone) ?? existing?.phone ?? null,
      active: true,
    };
    return this.db.transaction(async (tx) => {
      // A new password: whatever locked this login out is over.
      await this.throttle.reset(tx, login);
      const staff = tx.getRepository(StaffUser);
      if (existing) {
        await staff.update({ id: existing.id }, values);
        return staff.findOneOrFail({ where: { id: existing.id } });
      }
      return staff.save(staff.create(values));
    });
  }
}

function locked(retryAfterSeconds: number): DomainError {
  return new DomainError('account_locked', 'Too many failed logins: try again later', {
    retryAfterSeconds,
  });
}
