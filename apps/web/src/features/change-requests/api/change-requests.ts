import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import type { ChangeRequestStatus } from '@kabinet/shared';
import { api, unwrap } from '../../../lib/api';

export type StaffChangeRequest = Schemas['StaffChangeRequestDto'];
export type Resolution = Schemas['ResolveChangeRequestDto'];
export const REQUESTS_PAGE_SIZE = 20;

export interface ChangeRequestQuery {
  status: ChangeRequestStatus;
  page: number;
}

export const changeRequestKeys = {
  all: ['change-requests'] as const,
  list: (q: ChangeRequestQuery) => [...changeRequestKeys.all, 'list', q] as const,
};

export const changeRequestsQuery = (q: ChangeRequestQuery) =>
  queryOptions({
    queryKey: changeRequestKeys.list(q),
    queryFn: () =>
      api
        .GET('/api/change-requests', {
          params: { query: { status: q.status, page: q.page, pageSize: REQUESTS_PAGE_SIZE } },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });

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
