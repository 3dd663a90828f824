import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DB, type Database } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from './login-throttle';
import { StaffRepository } from './staff.repository';

export interface LoginAttack {
  login: string;
  /** The address the failures came from (the last one, when slowing from many). */
  ip: string;
  /** `locked`: an address is locked out of the login; `slowed`: failures from many addresses. */
  event: 'locked' | 'slowed';
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Tells about attacks on staff logins: writes each lockout to `audit_log` and, at most once an
 * hour per login, e-mails the staff member and every admin (a `staff_notices` row and its
 * delivery per recipient with an e-mail address, sent by the notification poller).
 */
@Injectable()
export class LoginAlertService {
  private readonly logger = new Logger(LoginAlertService.name);

  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: StaffRepository,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async attacked(attack: LoginAttack): Promise<void> {
    const now = this.clock.now();
    const user = await this.repo.account(attack.login);
    this.logger.warn(
      { login: attack.login, ip: attack.ip, event: attack.event, failures: attack.failures },
      user ? 'Failed staff logins: an attack?' : 'Failed logins for a login no one has',
    );
    if (!user) return;
    const params = {
      subjectId: user.id,
      login: attack.login,
      fullName: user.full_name,
      ip: attack.ip,
      event: attack.event,
      failures: String(attack.failures),
      lockedUntil: attack.lockedUntil?.toISOString() ?? null,
      at: now.toISOString(),
    };
    await this.db.transaction(async (tx) => {
      // No actor: whoever tried is not signed in.
      await this.audit.record(tx, {
        at: now,
        actorId: null,
        action: `staff.login.${attack.event}`,
        subjectType: 'staff_user',
        subjectId: user.id,
        details: {
          login: attack.login,
          ip: attack.ip,
          failures: attack.failures,
          lockedUntil: params.lockedUntil,
        },
      });
      if (!(await this.throttle.claimNotice(tx, attack.login))) return;
      await this.repo.in(tx).insertLoginAttackNotices(user.id, params, now);
    });
  }
}
