import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffRole } from '@kabinet/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { StaffUser } from './staff-user.entity';

/** After this many consecutive failures the account locks, for longer each time. */
export const LOCK_AFTER_FAILURES = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 10;

export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - LOCK_AFTER_FAILURES));
}

@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Checks a login and password; returns the staff user's id or throws a typed error. */
  async authenticate(rawLogin: string, password: string): Promise<string> {
    const login = rawLogin.trim().toLowerCase();
    const now = this.clock.now();
    const repo = this.db.getRepository(StaffUser);
    const user = await repo.findOne({ where: { login } });
    if (!user || !user.active || !user.passwordHash) {
      await verifyPassword(await dummyHash(), password);
      throw new DomainError('invalid_credentials', 'Wrong login or password');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw this.locked(user.lockedUntil, now);
    }
    if (await verifyPassword(user.passwordHash, password)) {
      await repo.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
      return user.id;
    }
    // Count the failure atomically: concurrent wrong guesses must all count.
    const rows: Array<{ failed_logins: number }> = await this.db.query(
      `UPDATE staff_users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins`,
      [user.id],
    );
    const failures = rows[0]?.failed_logins ?? user.failedLogins + 1;
    const lockMs = lockDurationMs(failures);
    if (lockMs > 0) {
      const until = new Date(now.getTime() + lockMs);
      await repo.update({ id: user.id }, { lockedUntil: until });
      throw this.locked(until, now);
    }
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
      failedLogins: 0,
      lockedUntil: null,
    };
    if (existing) {
      await repo.update({ id: existing.id }, values);
      return repo.findOneOrFail({ where: { id: existing.id } });
    }
    return repo.save(repo.create(values));
  }

  private locked(until: Date, now: Date): DomainError {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new DomainError(
      'account_locked',
      'Too many failed logins: the account is locked for a while',
      {
        retryAfterSeconds,
      },
    );
  }
}
