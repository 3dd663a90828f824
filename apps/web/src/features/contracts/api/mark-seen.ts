import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { meKeys } from '../../me';
import { contractKeys } from './keys';

/** Says the customer opened their contract: it is no longer "changed", its notifications read. */
export function markContractSeen(id: string) {
  return api.POST('/api/contracts/{id}/seen', { params: { path: { id } } }).then(unwrap);
}

/**
 * Sends "seen" once per contract opened, after the page has loaded it (so the page shows what
 * was new on this visit), and only for the customer's own cabinet: staff, and staff viewing as a
 * customer, leave no trace. The lists' "changed" marks and the unread count then follow; the
 * open page keeps what it shows.
 */
export function useMarkSeenOnOpen(id: string, loaded: boolean, isOwnCabinet: boolean) {
  const client = useQueryClient();
  const sent = useRef<string | null>(null);
  const { mutate } = useMutation({
    mutationFn: markContractSeen,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: meKeys.me() }),
        client.invalidateQueries({
          queryKey: contractKeys.all,
          predicate: (q) => q.queryKey[1] !== 'detail',
        }),
      ]),
  });
  useEffect(() => {
    if (!loaded || !isOwnCabinet || sent.current === id) return;
    sent.current = id;
    mutate(id);
  }, [id, loaded, isOwnCabinet, mutate]);
}
