import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { applyChatChanged } from '../cache';
import { chatKeys } from '../keys';

/** Staff who may be added to the chat (matching `q`). */
export function useCandidates(chatId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: chatKeys.candidates(chatId, q),
    queryFn: () =>
      api
        .GET('/api/chats/{id}/candidates', {
          params: { path: { id: chatId }, query: { q: q || undefined } },
        })
        .then(unwrap),
    enabled,
  });
}

export function useAddParticipant(chatId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (staffUserId: string) =>
      api
        .POST('/api/chats/{id}/participants', {
          params: { path: { id: chatId } },
          body: { staffUserId },
        })
        .then(unwrap),
    onSuccess: () =>
      Promise.all([
        applyChatChanged(qc, chatId),
        qc.invalidateQueries({ queryKey: chatKeys.messages(chatId) }),
      ]),
  });
}

export function useRemoveParticipant(chatId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (participantId: string) =>
      api
        .DELETE('/api/chats/{id}/participants/{participantId}', {
          params: { path: { id: chatId, participantId } },
        })
        .then(unwrap),
    onSuccess: () =>
      Promise.all([
        applyChatChanged(qc, chatId),
        qc.invalidateQueries({ queryKey: chatKeys.messages(chatId) }),
      ]),
  });
}
