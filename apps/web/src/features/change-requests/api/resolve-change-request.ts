import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { changeRequestKeys } from './keys';

export type Resolution = Schemas['ResolveChangeRequestDto'];
export function useResolveChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Resolution }) =>
      api
        .POST('/api/change-requests/{id}/resolution', { params: { path: { id } }, body })
        .then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: changeRequestKeys.all }),
  });
}
