import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import type { ChangeRequestStatus } from '@kabinet/shared';
import { api, unwrap } from '../../../lib/api';
import { changeRequestKeys } from './keys';

export type StaffChangeRequest = Schemas['StaffChangeRequestDto'];
export const REQUESTS_PAGE_SIZE = 20;

export interface ChangeRequestQuery {
  status: ChangeRequestStatus;
  page: number;
}

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
