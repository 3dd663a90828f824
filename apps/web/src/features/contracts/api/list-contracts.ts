import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import type { ContractStateFilter } from '@kabinet/shared';
import { api, unwrap } from '../../../lib/api';
import { contractKeys } from './keys';

export type ContractSummary = Schemas['ContractSummaryDto'];
export const PAGE_SIZE = 20;

export function listContracts(q: { state: ContractStateFilter; page: number }) {
  return api
    .GET('/api/contracts', { params: { query: { ...q, pageSize: PAGE_SIZE } } })
    .then(unwrap);
}

export const listContractsQuery = (q: { state: ContractStateFilter; page: number }) =>
  queryOptions({
    queryKey: contractKeys.list(q),
    queryFn: () => listContracts(q),
    placeholderData: keepPreviousData,
  });

export function useContracts(q: { state: ContractStateFilter; page: number }) {
  return useQuery(listContractsQuery(q));
}
