import { api, unwrap } from '../../../lib/api';
import { useLoginMutation } from './login-mutation';

export function verifyOtp(body: { phone: string; code: string }) {
  return api.POST('/api/auth/otp/verify', { body }).then(unwrap);
}

export function useVerifyOtp() {
  return useLoginMutation(verifyOtp);
}
