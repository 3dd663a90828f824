import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import type { ContractSort, ContractStateFilter, SortDirection } from '@kabinet/shared';
import { api, unwrap } from '../../../lib/api';
import { contractKeys } from './keys';

export type ContractSummary = Schemas['ContractSummaryDto'];
export type ContractFilters = Schemas['ContractFiltersDto'];
export const PAGE_SIZE = 20;

export interface ContractListQuery {
  state: ContractStateFilter;
  page: number;
  pageSize?: number;
  q?: string;
  status?: string;
  managerId?: string;
  /** Only contracts with money overdue. */
  overdue?: boolean;
  sort?: ContractSort;
  order?: SortDirection;
}

export function listContracts({ pageSize = PAGE_SIZE, ...q }: ContractListQuery) {
  return api
    .GET('/api/contracts', {
      params: {
        query: {
          ...q,
          // Empty filters are absent, not empty strings the API would refuse.
          q: q.q || undefined,
          status: q.status || undefined,
          managerId: q.managerId || undefined,
          overdue: q.overdue || undefined,
          pageSize,
        },
      },
    })
    .then(unwrap);
}

export const listContractsQuery = (q: ContractListQuery) =>
  queryOptions({
    queryKey: contractKeys.list(q),
    queryFn: () => listContracts(q),
    placeholderData: keepPreviousData,
  });

export function useContracts(q: ContractListQuery) {
  return useQuery(listContractsQuery(q));
}

/** The statuses and managers the list can be filtered by (what the caller may see). */
export function useContractFilters(enabled = true) {
  return useQuery({
    queryKey: contractKeys.filters(),
    queryFn: () => api.GET('/api/contracts/filters').then(unwrap),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** How many contracts I have, and what is left to pay on the active ones (per currency). */
export function useContractsSummary() {
  return useQuery({
    queryKey: contractKeys.summary(),
    queryFn: () => api.GET('/api/contracts/summary').then(unwrap),
  });
}
