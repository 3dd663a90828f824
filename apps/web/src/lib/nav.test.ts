import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@kabinet/shared';
import { NAV_ITEMS, navFor } from './nav';

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
});
