import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { applyMessage } from '../cache';
import { chatKeys } from '../keys';
import type { ServerMessage } from './messages';

export type ContractApproval = Schemas['ContractApprovalDto'];
export type ApprovalAction = 'approve' | 'reject' | 'revoke';

/** Each call answers the message as it is now: it replaces the one on the page. */
function useMessageMutation<V>(call: (vars: V) => Promise<ServerMessage>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (message) => {
      applyMessage(qc, message);
      // The contract page's list of approvals shows the new state.
      void qc.invalidateQueries({ queryKey: chatKeys.approvals() });
    },
  });
}

/** The customer approves or rejects (with a reason); staff revoke a decision (with a reason). */
export function useDecide(chatId: string, messageId: string) {
  return useMessageMutation(({ action, reason }: { action: ApprovalAction; reason?: string }) => {
    const params = { path: { id: chatId, messageId } };
    if (action === 'approve') {
      return api
        .POST('/api/chats/{id}/messages/{messageId}/approval/approve', { params })
        .then(unwrap);
    }
    const body = { reason: reason ?? '' };
    return (
      action === 'reject'
        ? api.POST('/api/chats/{id}/messages/{messageId}/approval/reject', { params, body })
        : api.POST('/api/chats/{id}/messages/{messageId}/approval/revoke', { params, body })
    ).then(unwrap);
  });
}

/** Staff ask for approval of a message sent earlier (optionally by a date, of one picture). */
export function useRequestApproval(chatId: string, messageId: string) {
  return useMessageMutation((body: { deadline: string | null; attachmentId: string | null }) =>
    api
      .POST('/api/chats/{id}/messages/{messageId}/approval', {
        params: { path: { id: chatId, messageId } },
        body,
      })
      .then(unwrap),
  );
}

/** Pins a numbered comment to a point of a picture (x, y: parts of its width and height). */
export function useAddPin(chatId: string, attachmentId: string) {
  return useMessageMutation((body: { x: number; y: number; body: string }) =>
    api
      .POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
        params: { path: { id: chatId, attachmentId } },
        body,
      })
      .then(unwrap),
  );
}

export const APPROVALS_PAGE_SIZE = 10;

/** A contract's approvals, newest first, in the chats the reader may see. */
export function useContractApprovals(contractId: string, page: number) {
  return useQuery({
    queryKey: [...chatKeys.approvals(), contractId, page],
    queryFn: () =>
      api
        .GET('/api/contracts/{id}/approvals', {
          params: { path: { id: contractId }, query: { page, pageSize: APPROVALS_PAGE_SIZE } },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });
}
