import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { profileKeys } from './keys';

export type ChangeRequestInput = Schemas['CreateChangeRequestDto'];

/** A request to change my phone or e-mail; it goes to my manager and to 1C. */
export function useCreateChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeRequestInput) =>
      api.POST('/api/profile/change-requests', { body }).then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKeys.all }),
  });
}
