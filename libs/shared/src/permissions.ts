import type { Role } from './roles';

/**
 * Permissions are `resource.action` strings. The API guard and the SPA's navigation read the
 * same map below. A permission says which routes a role may call; which records it may touch is
 * decided per record by the API's access service (a customer reads only their own contracts).
 */
export const PERMISSIONS = [
  /** Read contracts the access service lets this person see. */
  'contract.read',
  /** Scope: see every contract, not only those one is responsible for or assigned to. */
  'contract.readAll',
  /** See the 1C exchange: import runs, files, errors, exports. */
  'exchange.read',
  /** Run the exchange now, upload a file by hand. */
  'exchange.manage',
  /** One's own profile as a customer: contact data, change requests, notification settings. */
  'profile.manage',
  /** One's own notifications as a customer. */
  'notification.read',
  /** One's own notifications as a staff member (news of the chats one takes part in). */
  'staffNotification.read',
  /** Search and list customers (scoped like contracts). */
  'customer.read',
  /** Open a customer's cabinet read-only, exactly as they see it (audited). */
  'customer.viewAs',
  /** Work the queue of customers' contact change requests. */
  'changeRequest.manage',
  /** The company's profile: name, logo, brand colour, contacts (what customers see of it). */
  'company.manage',
  /** Read and write in the chats one takes part in. */
  'chat.read',
  /** Open chats, add and remove participants, ask for approvals and revoke decisions. */
  'chat.manage',
  /** Scope: see every chat (and step into one by writing), not only those one takes part in. */
  'chat.readAll',
  /**
   * Shares of a contract with family members. A customer shares the contracts 1C says are theirs
   * (a person a contract is shared with cannot share it on) and changes or revokes those shares;
   * staff see and revoke the shares of the contracts they may see. Which contract is checked per
   * record by the API.
   */
  'share.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  customer: ['contract.read', 'profile.manage', 'notification.read', 'chat.read', 'share.manage'],
  admin: ALL.filter((p) => p !== 'profile.manage' && p !== 'notification.read'),
  head: [
    'staffNotification.read',
    'contract.read',
    'contract.readAll',
    'customer.read',
    'customer.viewAs',
    'changeRequest.manage',
    'chat.read',
    'chat.manage',
    'chat.readAll',
    'share.manage',
  ],
  manager: [
    'staffNotification.read',
    'contract.read',
    'customer.read',
    'customer.viewAs',
    'changeRequest.manage',
    'chat.read',
    'chat.manage',
    'share.manage',
  ],
  operator: [
    'staffNotification.read',
    'contract.read',
    'contract.readAll',
    'customer.read',
    'customer.viewAs',
    'chat.read',
    'chat.manage',
    'chat.readAll',
  ],
  estimator: ['staffNotification.read', 'contract.read', 'chat.read'],
  measurer: ['staffNotification.read', 'contract.read', 'chat.read'],
  foreman: ['staffNotification.read', 'contract.read', 'chat.read'],
};

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
