import { lazy } from 'react';

export { useMarkRead } from './api/mark-read';
export { refreshNotifications } from './api/refresh';
export { useNotifications } from './api/list-notifications';
export { HeaderBell } from './components/HeaderBell';

/** Route pages load on demand. */
export const NotificationsPage = lazy(() =>
  import('./routes/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
