import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { exchangeKeys } from './keys';

/** "Run now": 202, or 409 `conflict` while a run is going. */
export function useRunNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST('/api/exchange/runs').then(unwrap),
    onSettled: () => client.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
}
