import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { isPersonal } from '../../../lib/queries';
import { meKeys } from '../../me';

export function logout() {
  return api.POST('/api/auth/logout').then(unwrap);
}

export function logoutEverywhere() {
  return api.POST('/api/auth/logout-everywhere').then(unwrap);
}

/** Ends this session (or, `everywhere`, every session of mine) and forgets everything cached. */
export function useLogout({ everywhere = false }: { everywhere?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: everywhere ? logoutEverywhere : logout,
    onSettled: () => {
      client.removeQueries({ predicate: isPersonal });
      client.setQueryData(meKeys.me(), null);
    },
  });
}
