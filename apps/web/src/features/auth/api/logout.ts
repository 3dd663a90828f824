import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { authKeys } from './keys';

export function logout() {
  return api.POST('/api/auth/logout').then(unwrap);
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.removeQueries();
      client.setQueryData(authKeys.me(), null);
    },
  });
}
