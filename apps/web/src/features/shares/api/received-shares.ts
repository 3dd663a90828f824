import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { shareKeys } from './keys';

export type ReceivedShare = Schemas['ReceivedShareDto'];

/** The contracts others shared with me, with what I may do on each. */
export const receivedSharesQuery = () =>
  queryOptions({
    queryKey: shareKeys.received(),
    queryFn: () => api.GET('/api/shares/received').then(unwrap),
  });

export function useReceivedShares(enabled = true) {
  return useQuery({ ...receivedSharesQuery(), enabled });
}
