import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { CHAT_LIMITS } from '@kabinet/shared';
import { api, unwrap } from '../../../lib/api';
import { chatKeys } from '../keys';

export type ServerMessage = Schemas['ChatMessageDto'];
export type SendInput = Schemas['SendMessageDto'];

/** A message as the page keeps it: the server's, or one of mine still sending or failed. */
export type ChatMessage = ServerMessage & {
  local?: { status: 'sending' | 'failed'; error?: unknown; input: SendInput };
};

export interface MessagesPage {
  messages: ChatMessage[];
  more: boolean;
}
/** The pages, newest first; each page's messages oldest first. */
export type MessagesData = InfiniteData<MessagesPage, string | undefined>;

export function fetchMessages(chatId: string, before: string | undefined) {
  return api
    .GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId }, query: { before, limit: CHAT_LIMITS.page } },
    })
    .then(unwrap) as Promise<MessagesPage>;
}

/** A chat's messages: the newest page first, older pages as one scrolls up (`before=`). */
export function messagesQueryOptions(chatId: string) {
  return infiniteQueryOptions({
    queryKey: chatKeys.messages(chatId),
    queryFn: ({ pageParam }) => fetchMessages(chatId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: MessagesPage) => {
      const oldest = last.messages.find((m) => !m.local);
      return last.more && oldest ? oldest.id : undefined;
    },
  });
}

export function useMessages(chatId: string) {
  return useInfiniteQuery(messagesQueryOptions(chatId));
}

export function postMessage(chatId: string, body: SendInput) {
  return api
    .POST('/api/chats/{id}/messages', { params: { path: { id: chatId } }, body })
    .then(unwrap);
}

export function postRead(chatId: string, lastReadId: string) {
  return api
    .POST('/api/chats/{id}/read', { params: { path: { id: chatId } }, body: { lastReadId } })
    .then(unwrap);
}
