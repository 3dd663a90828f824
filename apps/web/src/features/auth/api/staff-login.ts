import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { authKeys } from './keys';

export function staffLogin(body: { login: string; password: string }) {
  return api.POST('/api/auth/staff/login', { body }).then(unwrap);
}

export function useStaffLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: staffLogin,
    onSuccess: (me) => {
      client.removeQueries();
      client.setQueryData(authKeys.me(), me);
    },
  });
}
