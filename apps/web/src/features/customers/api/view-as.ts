import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { isPersonal } from '../../../lib/queries';
import { meKeys, meQueryOptions } from '../../me';

/**
 * Switches this session into (or out of) a customer's cabinet. Everything cached belongs to the
 * other person, so it is dropped and /api/me read again before the caller navigates.
 */
function useSwitchPerson<T>(switcher: (arg: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (arg: T) => {
      await switcher(arg);
      client.removeQueries({
        predicate: (q) => q.queryKey[0] !== meKeys.all[0] && isPersonal(q),
      });
      await client.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    },
  });
}

export function useStartViewAs() {
  return useSwitchPerson((customerId: string) =>
    api.POST('/api/view-as', { body: { customerId } }).then(unwrap),
  );
}

export function useEndViewAs() {
  return useSwitchPerson(() => api.DELETE('/api/view-as').then(unwrap));
}
