import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { authKeys } from './keys';

export function verifyOtp(body: { phone: string; code: string }) {
  return api.POST('/api/auth/otp/verify', { body }).then(unwrap);
}

export function useVerifyOtp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: verifyOtp,
    onSuccess: (me) => {
      client.removeQueries();
      client.setQueryData(authKeys.me(), me);
    },
  });
}
