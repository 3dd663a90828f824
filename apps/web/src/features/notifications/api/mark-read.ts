import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { meKeys } from '../../me';
import { notificationKeys } from './keys';

/** Marks these notifications (all of mine without ids) read; the unread count follows. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api.POST('/api/notifications/read', { body: ids ? { ids } : {} }).then(unwrap),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        client.invalidateQueries({ queryKey: meKeys.me() }),
      ]),
  });
}
