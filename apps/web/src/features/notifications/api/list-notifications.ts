import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { notificationKeys } from './keys';

export type NotificationPage = Schemas['NotificationPageDto'];

export interface NotificationQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

export const notificationsQuery = (q: NotificationQuery) =>
  queryOptions({
    queryKey: notificationKeys.list(q),
    queryFn: () =>
      api
        .GET('/api/notifications', {
          params: { query: { unread: q.unread || undefined, page: q.page, pageSize: q.pageSize } },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });

export function useNotifications(q: NotificationQuery) {
  return useQuery(notificationsQuery(q));
}
