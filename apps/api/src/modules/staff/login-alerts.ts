import { managerDb } from '../../database/sql';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from './login-throttle';
import { StaffUser } from './staff-user.entity';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async attacked(attack: LoginAttack): Promise<void> {
    const now = this.clock.now();
    const user = await this.db.getRepository(StaffUser).findOne({
      where: { login: attack.login },
      select: { id: true, fullName: true },
    });
    this.logger.warn(
      { login: attack.login, ip: attack.ip, event: attack.event, failures: attack.failures },
      user ? 'Failed staff logins: an attack?' : 'Failed logins for a login no one has',
    );
    if (!user) return;
    const params = {
      subjectId: user.id,
      login: attack.login,
      fullName: user.fullName,
      ip: attack.ip,
      event: attack.event,
      failures: String(attack.failures),
      lockedUntil: attack.lockedUntil?.toISOString() ?? null,
      at: now.toISOString(),
    };
    await this.db.transaction(async (tx) => {
      // No actor: whoever tried is not signed in.
      await this.audit.record(managerDb(tx), {
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
      await tx.query(
        `WITH recipients AS (
           SELECT id, btrim(email) AS email FROM staff_users
            WHERE active AND NULLIF(btrim(email), '') IS NOT NULL AND (id = $1 OR role = 'admin')
         ), notices AS (
           INSERT INTO staff_notices (recipient_id, kind, params, created_at)
           SELECT id, 'login_attack', $2::jsonb, $3 FROM recipients
           RETURNING id, recipient_id
         )
         INSERT INTO notification_deliveries (staff_notice_id, channel, address)
         SELECT n.id, 'email', r.email FROM notices n JOIN recipients r ON r.id = n.recipient_id`,
        [user.id, JSON.stringify(params), now],
      );
    });
  }
}
