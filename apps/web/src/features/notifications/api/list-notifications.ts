import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { notificationKeys } from './keys';

export type NotificationPage = Schemas['NotificationPageDto'];

/** Whose list: a customer's (the default) or a staff member's (their chats' news). */
export type NotificationScope = 'customer' | 'staff';

export interface NotificationQuery {
  unread: boolean;
  page: number;
  pageSize: number;
  scope?: NotificationScope;
}

export const notificationsQuery = (q: NotificationQuery) =>
  queryOptions({
    queryKey: notificationKeys.list(q),
    queryFn: () => {
      const query = { unread: q.unread || undefined, page: q.page, pageSize: q.pageSize };
      return (
        q.scope === 'staff'
          ? api.GET('/api/staff/notifications', { params: { query } })
          : api.GET('/api/notifications', { params: { query } })
      ).then(unwrap);
    },
    placeholderData: keepPreviousData,
  });

export function useNotifications(q: NotificationQuery) {
  return useQuery(notificationsQuery(q));
}
