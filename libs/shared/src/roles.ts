/** Every role a person can have. Customers come from 1C; the rest are staff. */
export const ROLES = [
  'customer',
  'admin',
  'manager',
  'operator',
  'estimator',
  'measurer',
  'foreman',
  'head',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'customer'> => r !== 'customer');
export type StaffRole = Exclude<Role, 'customer'>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return isRole(value) && value !== 'customer';
}
