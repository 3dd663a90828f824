import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from './permissions';
import { ROLES, STAFF_ROLES } from './roles';

describe('role → permission map', () => {
  it('covers every role, with known permissions only', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it('gives admin everything but a customer’s own pages', () => {
    expect(permissionsOf('admin').sort()).toEqual(
      PERMISSIONS.filter((p) => p !== 'profile.manage' && p !== 'notification.read').sort(),
    );
  });

  it('keeps profile and notifications to customers, viewing as a customer to front-office staff', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, 'profile.manage')).toBe(role === 'customer');
      expect(hasPermission(role, 'notification.read')).toBe(role === 'customer');
    }
    expect(ROLES.filter((r) => hasPermission(r, 'customer.viewAs')).sort()).toEqual(
      ['admin', 'head', 'manager', 'operator'].sort(),
    );
  });

  it('lets only admins change the company profile', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'company.manage'))).toEqual(['admin']);
  });

  it('lets customers share their contracts, and managers, heads and admins see and revoke shares', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'share.manage')).sort()).toEqual(
      ['admin', 'customer', 'head', 'manager'].sort(),
    );
  });

  it('never lets a customer see all contracts', () => {
    expect(hasPermission('customer', 'contract.readAll')).toBe(false);
    expect(hasPermission('customer', 'contract.read')).toBe(true);
  });

  it('scopes managers and specialists to their own contracts', () => {
    for (const role of ['manager', 'estimator', 'measurer', 'foreman'] as const) {
      expect(hasPermission(role, 'contract.readAll')).toBe(false);
    }
    for (const role of ['head', 'operator'] as const)
      expect(hasPermission(role, 'contract.readAll')).toBe(true);
  });

  it('lists staff roles without customer', () => {
    expect(STAFF_ROLES).not.toContain('customer');
    expect(STAFF_ROLES).toHaveLength(ROLES.length - 1);
  });
});
