import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { customerKeys } from './keys';

export type CustomerSummary = Schemas['CustomerSummaryDto'];
export const CUSTOMERS_PAGE_SIZE = 20;

export interface CustomerQuery {
  q: string;
  page: number;
}

export const customersQuery = (q: CustomerQuery) =>
  queryOptions({
    queryKey: customerKeys.list(q),
    queryFn: () =>
      api
        .GET('/api/customers', {
          params: {
            query: { q: q.q || undefined, page: q.page, pageSize: CUSTOMERS_PAGE_SIZE },
          },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });
