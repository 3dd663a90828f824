import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshNotifications } from './refresh';
import type { NotificationScope } from './list-notifications';

/** Marks these notifications (all of mine without ids) read; the unread count follows. */
export function useMarkRead(scope: NotificationScope = 'customer') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => {
      const body = ids ? { ids } : {};
      return (
        scope === 'staff'
          ? api.POST('/api/staff/notifications/read', { body })
          : api.POST('/api/notifications/read', { body })
      ).then(unwrap);
    },
    onSettled: () => refreshNotifications(client),
  });
}
