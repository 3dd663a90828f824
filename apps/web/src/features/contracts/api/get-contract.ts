import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, ApiError, unwrap } from '../../../lib/api';
import { contractKeys } from './keys';

export type Contract = Schemas['ContractDto'];

export function getContract(id: string) {
  return api.GET('/api/contracts/{id}', { params: { path: { id } } }).then(unwrap);
}

export const contractQuery = (id: string) =>
  queryOptions({
    queryKey: contractKeys.detail(id),
    queryFn: () => getContract(id),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export function useContract(id: string) {
  return useQuery(contractQuery(id));
}
