import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, ApiError, unwrap } from '../../../lib/api';
import { contractKeys } from './keys';

export type Contract = Schemas['ContractDto'];

export function getContract(id: string) {
  return api.GET('/api/contracts/{id}', { params: { path: { id } } }).then(unwrap);
}

/** Missing and someone else's contracts look the same: 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export const contractQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.detail(id), queryFn: () => getContract(id) });

export function useContract(id: string) {
  return useQuery(contractQuery(id));
}
