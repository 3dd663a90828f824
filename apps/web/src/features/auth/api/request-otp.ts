import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function requestOtp(phone: string) {
  return api.POST('/api/auth/otp/request', { body: { phone } }).then(unwrap);
}

export function useRequestOtp() {
  return useMutation({ mutationFn: requestOtp });
}
