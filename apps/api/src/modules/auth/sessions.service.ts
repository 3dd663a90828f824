import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, isStaffRole, permissionsOf } from '@kabinet/shared';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext, LoginSubject } from './auth-context';
import { Session } from './session.entity';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opaque server-side sessions in PostgreSQL. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Creates a new session (and ends `previousToken`'s: rotation at login); returns its token. */
  async create(
    subject: LoginSubject,
    meta: { ip?: string; userAgent?: string; previousToken?: string },
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      if (meta.previousToken) await tx.delete(Session, { id: hashToken(meta.previousToken) });
      await tx.insert(Session, {
        id: hashToken(token),
        customerId: subject.kind === 'customer' ? subject.customerId : null,
        staffUserId: subject.kind === 'staff' ? subject.staffUserId : null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlDays * 24 * 3600 * 1000),
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      if (subject.kind === 'customer') {
        // The first login is the baseline of "changed since the last visit". Database time, as
        // the visits (contract_views) and the changes (contracts.changed_at) it is compared with.
        await tx.query(
          'UPDATE customers SET first_login_at = now() WHERE id = $1 AND first_login_at IS NULL',
          [subject.customerId],
        );
      }
    });
    return token;
  }

  /** The auth context of a live session, or null (unknown, expired, or its person archived). */
  async resolve(token: string): Promise<AuthContext | null> {
    const id = hashToken(token);
    const now = this.clock.now();
    const rows: Array<{
      customer_id: string | null;
      staff_user_id: string | null;
      staff_role: string | null;
      staff_active: boolean | null;
      customer_archived: boolean | null;
      expires_at: Date;
      last_seen_at: Date;
      view_as_customer_id: string | null;
      view_as_archived: boolean | null;
      staff_name: string | null;
    }> = await this.db.query(
      `SELECT s.customer_id, s.staff_user_id, s.expires_at, s.last_seen_at,
              su.role AS staff_role, su.active AS staff_active, su.full_name AS staff_name,
              (c.archived_at IS NOT NULL) AS customer_archived,
              s.view_as_customer_id, (vc.archived_at IS NOT NULL) AS view_as_archived
         FROM sessions s
         LEFT JOIN staff_users su ON su.id = s.staff_user_id
         LEFT JOIN customers c ON c.id = s.customer_id
         LEFT JOIN customers vc ON vc.id = s.view_as_customer_id
        WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.expires_at <= now) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.db.getRepository(Session).update({ id }, { lastSeenAt: now });
    }
    if (row.customer_id) {
      if (row.customer_archived) return null;
      return {
        sessionId: id,
        kind: 'customer',
        userId: row.customer_id,
        role: 'customer',
        permissions: new Set(permissionsOf('customer')),
      };
    }
    if (!row.staff_user_id || !row.staff_active || !isStaffRole(row.staff_role)) return null;
    if (
      row.view_as_customer_id &&
      !row.view_as_archived &&
      hasPermission(row.staff_role, 'customer.viewAs')
    ) {
      return {
        sessionId: id,
        kind: 'customer',
        userId: row.view_as_customer_id,
        role: 'customer',
        permissions: new Set(permissionsOf('customer')),
        viewAs: {
          staffUserId: row.staff_user_id,
          staffName: row.staff_name ?? '',
          staffRole: row.staff_role,
        },
      };
    }
    return {
      sessionId: id,
      kind: 'staff',
      userId: row.staff_user_id,
      role: row.staff_role,
      permissions: new Set(permissionsOf(row.staff_role)),
    };
  }

  /** Every session of the person behind `auth` (a customer's, or a staff member's). */
  async destroyAll(auth: AuthContext): Promise<void> {
    const column = auth.kind === 'customer' ? 'customer_id' : 'staff_user_id';
    await this.db.query(`DELETE FROM sessions WHERE ${column} = $1`, [auth.userId]);
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete({ id: sessionId });
  }
}
