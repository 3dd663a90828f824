import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { shareKeys } from './keys';

export type Share = Schemas['ShareDto'];
export type ShareAccess = Share['access'];
export type NewShare = Schemas['CreateShareDto'];

/** Who a contract is shared with: its owner and staff ask. */
export const contractSharesQuery = (contractId: string) =>
  queryOptions({
    queryKey: shareKeys.contract(contractId),
    queryFn: () =>
      api.GET('/api/contracts/{id}/shares', { params: { path: { id: contractId } } }).then(unwrap),
  });

export function useContractShares(contractId: string) {
  return useQuery(contractSharesQuery(contractId));
}

/** Every change to a contract's shares refreshes its list. */
function useShareMutation<T>(contractId: string, mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: shareKeys.contract(contractId) }),
  });
}

/** The owner shares the contract with a phone. */
export function useCreateShare(contractId: string) {
  return useShareMutation(contractId, (body: NewShare) =>
    api
      .POST('/api/contracts/{id}/shares', { params: { path: { id: contractId } }, body })
      .then(unwrap),
  );
}

/** The owner changes what a share allows. */
export function useUpdateShare(contractId: string) {
  return useShareMutation(contractId, (input: { id: string; access: ShareAccess }) =>
    api
      .PATCH('/api/shares/{id}', {
        params: { path: { id: input.id } },
        body: { access: input.access },
      })
      .then(unwrap),
  );
}

/** The owner or staff revoke a share. */
export function useRevokeShare(contractId: string) {
  return useShareMutation(contractId, (id: string) =>
    api.DELETE('/api/shares/{id}', { params: { path: { id } } }).then(unwrap),
  );
}
