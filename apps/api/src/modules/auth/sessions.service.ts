import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hasPermission, isStaffRole, permissionsOf } from '@kabinet/shared';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database } from '../../database/sql';
import type { AuthContext, LoginSubject } from './auth-context';
import { SessionEndings } from './session-endings';
import { SessionsRepository, type SessionRow } from './sessions.repository';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opaque server-side sessions in PostgreSQL. Every session that ends here (logout, logout
 * everywhere, rotation at login, expiry) is told to `SessionEndings` after the delete, so the
 * realtime sockets on it are closed at once.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly endings: SessionEndings,
  ) {}

  /** Creates a new session (and ends `previousToken`'s: rotation at login); returns its token. */
  async create(
    subject: LoginSubject,
    meta: { ip?: string; userAgent?: string; previousToken?: string },
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const sessions = this.repo.in(tx);
      if (meta.previousToken) await sessions.delete(hashToken(meta.previousToken));
      await sessions.insert({
        id: hashToken(token),
        customerId: subject.kind === 'customer' ? subject.customerId : null,
        staffUserId: subject.kind === 'staff' ? subject.staffUserId : null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlDays * 24 * 3600 * 1000),
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      // The first login is the baseline of "changed since the last visit".
      if (subject.kind === 'customer') await sessions.markFirstLogin(subject.customerId);
    });
    if (meta.previousToken) await this.endings.ended([hashToken(meta.previousToken)]);
    return token;
  }

  /** The auth context of a live session, or null (unknown, expired, or its person archived). */
  async resolve(token: string): Promise<AuthContext | null> {
    const id = hashToken(token);
    const now = this.clock.now();
    const row = await this.repo.find(id);
    if (!row || row.expires_at <= now) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.repo.touch(id, now);
    }
    return contextOf(id, row);
  }

  /**
   * The auth contexts of those of the sessions `ids` (sha256 of their tokens) that are live, in
   * one statement and without touching them (the realtime sweep checks its sockets' sessions).
   */
  async resolveMany(ids: readonly string[]): Promise<Map<string, AuthContext>> {
    const live = new Map<string, AuthContext>();
    if (ids.length === 0) return live;
    const now = this.clock.now();
    for (const row of await this.repo.findMany(ids)) {
      const auth = row.expires_at > now ? contextOf(row.id, row) : null;
      if (auth) live.set(row.id, auth);
    }
    return live;
  }

  /** Every session of the person behind `auth` (a customer's, or a staff member's). */
  async destroyAll(auth: AuthContext): Promise<void> {
    const ended = await this.repo.deleteAllOf(
      auth.kind === 'customer' ? { customerId: auth.userId } : { staffUserId: auth.userId },
    );
    await this.endings.ended(ended);
  }

  async destroy(sessionId: string): Promise<void> {
    await this.repo.delete(sessionId);
    await this.endings.ended([sessionId]);
  }

  /** Deletes the sessions expired by `now` (housekeeping); answers how many. */
  async deleteExpired(now: Date): Promise<number> {
    const ended = await this.repo.deleteExpired(now);
    await this.endings.ended(ended);
    return ended.length;
  }
}

/** Who an unexpired session acts as, or null when its person is archived or inactive. */
function contextOf(id: string, row: SessionRow): AuthContext | null {
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
