import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from '@kabinet/shared';
import { isActive, NAV_ITEMS, navFor, navItem, sidebarFor } from './nav';
import { paths } from './paths';

describe('navigation from permissions', () => {
  it('shows each person the sections their role allows', () => {
    expect(navFor(permissionsOf('customer')).map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-contracts',
      'nav-chats',
      'nav-notifications',
      'nav-profile',
      'nav-contacts',
      'nav-help',
    ]);
    expect(navFor(permissionsOf('manager')).map((i) => i.testId)).toEqual([
      'nav-contracts',
      'nav-chats',
      'nav-customers',
      'nav-change-requests',
    ]);
    expect(navFor(permissionsOf('foreman')).map((i) => i.testId)).toEqual([
      'nav-contracts',
      'nav-chats',
    ]);
    expect(navFor(permissionsOf('admin')).map((i) => i.testId)).toContain('nav-company');
    expect(navFor(permissionsOf('head')).map((i) => i.testId)).not.toContain('nav-company');
  });
  it('marks home active only on its own path', () => {
    expect(isActive(navItem(paths.home), '/')).toBe(true);
    expect(isActive(navItem(paths.home), '/contracts')).toBe(false);
    expect(isActive(navItem(paths.contracts), '/contracts/42')).toBe(true);
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
  it('lists staff their own notifications after their first section, never as where they land', () => {
    expect(sidebarFor(permissionsOf('manager')).map((i) => i.testId)).toEqual([
      'nav-contracts',
      'nav-staff-notifications',
      'nav-chats',
      'nav-customers',
      'nav-change-requests',
    ]);
    expect(sidebarFor(permissionsOf('foreman')).map((i) => i.testId)).toEqual([
      'nav-contracts',
      'nav-staff-notifications',
      'nav-chats',
    ]);
    expect(sidebarFor(permissionsOf('customer'))).toEqual(navFor(permissionsOf('customer')));
  });
});
