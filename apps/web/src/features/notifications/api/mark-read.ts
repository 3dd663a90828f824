import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { meKeys } from '../../me';
import { notificationKeys } from './keys';
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
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        client.invalidateQueries({ queryKey: meKeys.me() }),
      ]),
  });
}
