import { api, unwrap } from '../../../lib/api';
import { useLoginMutation } from './login-mutation';

export function staffLogin(body: { login: string; password: string }) {
  return api.POST('/api/auth/staff/login', { body }).then(unwrap);
}

export function useStaffLogin() {
  return useLoginMutation(staffLogin);
}
