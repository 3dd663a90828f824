import { lazy } from 'react';

export { useMarkRead, useNotifications } from './api/notifications';
export { HeaderBell } from './components/HeaderBell';

/** Route pages load on demand. */
export const NotificationsPage = lazy(() =>
  import('./routes/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
