import type { QueryClient } from '@tanstack/react-query';
import { meKeys } from '../../me';
import { notificationKeys } from './keys';

/** Something changed my notifications elsewhere (a chat read, a new message): read them again. */
export function refreshNotifications(qc: QueryClient): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: notificationKeys.all }),
    qc.invalidateQueries({ queryKey: meKeys.me() }),
  ]);
}
