import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isPersonal } from '../../../lib/queries';
import { meKeys, type Me } from '../../me';

/** A login of either kind: on success nothing cached for the previous person survives. */
export function useLoginMutation<TBody>(login: (body: TBody) => Promise<Me>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      client.removeQueries({ predicate: isPersonal });
      client.setQueryData(meKeys.me(), me);
    },
  });
}
