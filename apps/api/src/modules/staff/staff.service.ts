import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { StaffRole } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { DB, type Database } from '../../database/sql';
import { LoginAlertService } from './login-alerts';
import { LoginThrottleService } from './login-throttle';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { StaffRepository, type StaffAccountRow } from './staff.repository';

export const MIN_PASSWORD_LENGTH = 10;

/** A staff account as `upsertWithPassword` leaves it. */
export interface StaffAccount {
  id: string;
  login: string;
  fullName: string;
  role: StaffRole;
  email: string | null;
  phone: string | null;
  active: boolean;
}

const toAccount = (r: StaffAccountRow): StaffAccount => ({
  id: r.id,
  login: r.login,
  fullName: r.full_name,
  role: r.role,
  email: r.email,
  phone: r.phone,
  active: r.active,
});

/** `source` for a request whose client address is not known. */
const UNKNOWN_SOURCE = 'unknown';

@Injectable()
export class StaffService implements OnModuleInit {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: StaffRepository,
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
    const user = await this.repo.credentials(login);
    const usable = !!user && user.active && !!user.password_hash;
    const right = await verifyPassword(usable ? user.password_hash! : await dummyHash(), password);
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
  }): Promise<StaffAccount> {
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
    const passwordHash = await hashPassword(input.password);
    const existing = await this.repo.account(login);
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
      const staff = this.repo.in(tx);
      return toAccount(
        existing ? await staff.update(existing.id, values) : await staff.insert(values),
      );
    });
  }
}

function locked(retryAfterSeconds: number): DomainError {
  return new DomainError('account_locked', 'Too many failed logins: try again later', {
    retryAfterSeconds,
  });
}
