import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The notifications feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  notifications: {
    title: 'Notifications',
    unreadOnly: 'Unread only',
    markAll: 'Mark all as read',
    empty: 'No notifications yet',
    emptyUnread: 'No unread notifications',
    count: 'Total: {{count}}',
  },
};
