import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export function fetchOutbox() {
  return api.GET('/api/dev/outbox').then(unwrap);
}

export function useDevOutbox() {
  return useQuery({
    queryKey: ['dev', 'outbox'],
    queryFn: fetchOutbox,
    refetchInterval: 2000,
    retry: false,
  });
}
