import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { meKeys } from '../keys';

export type Me = Schemas['MeDto'];

/** Who is logged in; null when nobody is (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  const result = await api.GET('/api/me');
  if (result.response.status === 401) return null;
  return unwrap(result);
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meKeys.me(), queryFn: fetchMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
