import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { authKeys } from '../../auth';

export type NotificationPage = Schemas['NotificationPageDto'];

export interface NotificationQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: NotificationQuery) => [...notificationKeys.all, 'list', q] as const,
};

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

/** Marks these notifications (all of mine without ids) read; the unread count follows. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api.POST('/api/notifications/read', { body: ids ? { ids } : {} }).then(unwrap),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        client.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}
