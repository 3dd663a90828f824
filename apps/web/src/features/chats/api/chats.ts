import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, ApiError, unwrap } from '../../../lib/api';
import { chatKeys } from '../keys';

export type ChatListItem = Schemas['ChatListItemDto'];
export type ChatPage = Schemas['ChatPageDto'];
export type Chat = Schemas['ChatDto'];
export type ChatParticipant = Schemas['ChatParticipantDto'];
export type ChatActor = Schemas['ChatActorDto'];
export const CHAT_FILTERS = ['mine', 'waiting', 'all'] as const;
export type ChatFilter = (typeof CHAT_FILTERS)[number];
export const CHATS_PAGE_SIZE = 20;

export interface ChatListQuery {
  q?: string;
  filter?: ChatFilter;
  page: number;
  pageSize?: number;
}

export function listChatsQuery({
  q = '',
  filter,
  page,
  pageSize = CHATS_PAGE_SIZE,
}: ChatListQuery) {
  return queryOptions({
    queryKey: chatKeys.list({ q, filter, page, pageSize }),
    queryFn: () =>
      api
        .GET('/api/chats', {
          params: { query: { q: q || undefined, filter, page, pageSize } },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });
}

export function useChats(q: ChatListQuery) {
  return useQuery(listChatsQuery(q));
}

/** My unread messages over every chat (the sidebar badge, the home block). */
export function useChatUnread(enabled = true) {
  return useQuery({
    queryKey: chatKeys.unread(),
    queryFn: () => api.GET('/api/chats/unread').then(unwrap),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useChat(id: string) {
  return useQuery({
    queryKey: chatKeys.detail(id),
    queryFn: () => api.GET('/api/chats/{id}', { params: { path: { id } } }).then(unwrap),
  });
}

/** A contract's chats (its own and those staff opened about it). */
export function useContractChats(contractId: string, enabled = true) {
  return useQuery({
    queryKey: chatKeys.contract(contractId),
    queryFn: () =>
      api.GET('/api/contracts/{id}/chats', { params: { path: { id: contractId } } }).then(unwrap),
    enabled,
  });
}

/** Staff open a chat with a customer, about a contract or general. */
export function useOpenChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateChatDto']) => api.POST('/api/chats', { body }).then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
