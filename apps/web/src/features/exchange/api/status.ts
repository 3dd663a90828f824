import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { exchangeKeys } from './keys';

export type ExchangeStatus = Schemas['ExchangeStatusDto'];
/** While something runs, the page polls this often (ms). */
export const POLL_MS = 1500;

export const statusQuery = (watching = false) =>
  queryOptions({
    queryKey: exchangeKeys.status(),
    queryFn: () => api.GET('/api/exchange/status').then(unwrap),
    refetchInterval: (query) => (watching || query.state.data?.running ? POLL_MS : 15_000),
  });

/** `watching`: a run was just asked for, so poll quickly until it shows up and ends. */
export function useExchangeStatus(watching = false) {
  return useQuery(statusQuery(watching));
}
