import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from '@kabinet/shared';
import { NAV_ITEMS, navFor, navItem } from './nav';
import { paths } from './paths';

describe('navigation from permissions', () => {
  it('shows contracts to customers and staff who may read them', () => {
    expect(navFor(permissionsOf('customer')).map((i) => i.testId)).toEqual(['nav-contracts']);
    expect(navFor(permissionsOf('foreman')).map((i) => i.testId)).toEqual(['nav-contracts']);
  });
  it('shows nothing without permissions', () => {
    expect(navFor([])).toEqual([]);
  });
  it('every item needs a permission', () => {
    for (const item of NAV_ITEMS) expect(item.permission).toMatch(/^\w+\.\w+$/);
  });
  it('every staff role and customers see contracts; the section is guarded by contract.read', () => {
    for (const role of ROLES)
      expect(navFor(permissionsOf(role))).toContain(navItem(paths.contracts));
    expect(navItem(paths.contracts).permission).toBe('contract.read');
    expect(() => navItem('/nowhere')).toThrow();
  });
});
