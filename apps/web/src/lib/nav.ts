import type { Permission } from '@kabinet/shared';
import type { ru } from './i18n/ru';
import { paths } from './paths';

export type NavIcon = 'contracts' | 'exchange';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof ru.nav}`;
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
  {
    path: paths.exchange,
    labelKey: 'nav.exchange',
    icon: 'exchange',
    permission: 'exchange.read',
    testId: 'nav-exchange',
  },
];

/** The items a person with these permissions sees, in order. */
export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}

/** The navigation item of a section; its permission guards the section's routes. */
export function navItem(path: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.path === path);
  if (!item) throw new Error(`No navigation item for ${path}`);
  return item;
}
