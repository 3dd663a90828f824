import type { Permission, Role } from '@kabinet/shared';

/** Who is calling: resolved from the session cookie by the global guard. */
export interface AuthContext {
  sessionId: string;
  kind: 'customer' | 'staff';
  /** customers.id or staff_users.id. */
  userId: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /**
   * Set while a staff member views a customer's cabinet ("view as customer"): the context is the
   * customer's (kind, userId, role, permissions), read-only; this says who is really looking.
   */
  viewAs?: { staffUserId: string; staffName: string; staffRole: Role };
}

/** What a login strategy hands to the controller: the subject a session is created for. */
export type LoginSubject =
  { kind: 'customer'; customerId: string } | { kind: 'staff'; staffUserId: string };
