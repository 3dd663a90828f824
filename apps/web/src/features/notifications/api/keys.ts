import type { NotificationQuery } from './list-notifications';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: NotificationQuery) => [...notificationKeys.all, 'list', q] as const,
};
