import type { Permission } from '@kabinet/shared';
import { paths } from './paths';

export type NavIcon = 'contracts';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: NavIcon;
  /** The permission the route needs; the API guard checks the same one. */
  permission: Permission;
  testId: string;
}

/** Every page of the shell. Only pages that exist are listed; each needs a permission. */
export const NAV_ITEMS: NavItem[] = [
  {
    path: paths.contracts,
    labelKey: 'nav.contracts',
    icon: 'contracts',
    permission: 'contract.read',
    testId: 'nav-contracts',
  },
];

export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
