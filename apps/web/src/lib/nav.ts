import type { Permission } from '@kabinet/shared';
import type { ru } from './i18n/ru';
import { paths } from './paths';

export type NavIcon =
  | 'home'
  | 'contracts'
  | 'chats'
  | 'notifications'
  | 'customers'
  | 'changeRequests'
  | 'exchange'
  | 'company'
  | 'profile'
  | 'contacts'
  | 'help';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof ru.nav}`;
  icon: NavIcon;
  /** The permission the route needs; the API guard checks the same one. */
  permission: Permission;
  testId: string;
  /** Active only on this exact path (the home page), not on everything under it. */
  exact?: boolean;
}

/** Every page of the shell. Only pages that exist are listed; each needs a permission. */
export const NAV_ITEMS: NavItem[] = [
  {
    // The customer's own cabinet; staff land on their first section instead.
    path: paths.home,
    labelKey: 'nav.home',
    icon: 'home',
    permission: 'profile.manage',
    testId: 'nav-home',
    exact: true,
  },
  {
    path: paths.contracts,
    labelKey: 'nav.contracts',
    icon: 'contracts',
    permission: 'contract.read',
    testId: 'nav-contracts',
  },
  {
    path: paths.chats,
    labelKey: 'nav.chats',
    icon: 'chats',
    permission: 'chat.read',
    testId: 'nav-chats',
  },
  {
    path: paths.notifications,
    labelKey: 'nav.notifications',
    icon: 'notifications',
    permission: 'notification.read',
    testId: 'nav-notifications',
  },
  {
    path: paths.customers,
    labelKey: 'nav.customers',
    icon: 'customers',
    permission: 'customer.read',
    testId: 'nav-customers',
  },
  {
    path: paths.changeRequests,
    labelKey: 'nav.changeRequests',
    icon: 'changeRequests',
    permission: 'changeRequest.manage',
    testId: 'nav-change-requests',
  },
  {
    path: paths.exchange,
    labelKey: 'nav.exchange',
    icon: 'exchange',
    permission: 'exchange.read',
    testId: 'nav-exchange',
  },
  {
    path: paths.company,
    labelKey: 'nav.company',
    icon: 'company',
    permission: 'company.manage',
    testId: 'nav-company',
  },
  {
    path: paths.profile,
    labelKey: 'nav.profile',
    icon: 'profile',
    permission: 'profile.manage',
    testId: 'nav-profile',
  },
  {
    // Open to everyone signed in (see the router); listed for customers, whose cabinet it explains.
    path: paths.contacts,
    labelKey: 'nav.contacts',
    icon: 'contacts',
    permission: 'profile.manage',
    testId: 'nav-contacts',
  },
  {
    path: paths.help,
    labelKey: 'nav.help',
    icon: 'help',
    permission: 'profile.manage',
    testId: 'nav-help',
  },
];

/** The items a person with these permissions sees, in order. */
export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}

/**
 * A staff member's own notifications (their chats' news): in the sidebar after their first
 * section, with the unread count, but never where a staff member lands (not a section of its own).
 */
export const STAFF_NOTIFICATIONS_ITEM: NavItem = {
  path: paths.staffNotifications,
  labelKey: 'nav.notifications',
  icon: 'notifications',
  permission: 'staffNotification.read',
  testId: 'nav-staff-notifications',
};

/** What the sidebar lists: the sections, and a staff member's notifications after the first. */
export function sidebarFor(permissions: readonly string[]): NavItem[] {
  const items = navFor(permissions);
  if (!permissions.includes(STAFF_NOTIFICATIONS_ITEM.permission)) return items;
  return [...items.slice(0, 1), STAFF_NOTIFICATIONS_ITEM, ...items.slice(1)];
}

/** The navigation item of a section; its permission guards the section's routes. */
export function navItem(path: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.path === path);
  if (!item) throw new Error(`No navigation item for ${path}`);
  return item;
}

/** Whether the item is the current section. */
export function isActive(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.path : pathname.startsWith(item.path);
}
