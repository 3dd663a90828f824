import type { QueryClient } from '@tanstack/react-query';
import type { ChatReadMark } from '@kabinet/shared';
import type { Chat, ChatPage } from './api/chats';
import type { ChatMessage, MessagesData, MessagesPage } from './api/messages';
import { chatKeys } from './keys';

// The chat caches' updaters: my own send and read mutations call them now, the realtime socket
// events will call the same ones. Each writes only the queries already in the cache.

/** Stored messages by id; mine still sending or failed after every stored one, in sending order. */
export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  if (a.local || b.local) {
    if (a.local && b.local) return a.createdAt.localeCompare(b.createdAt);
    return a.local ? 1 : -1;
  }
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.id === b.id || (a.clientId !== null && a.clientId === b.clientId);
}

/**
 * Puts a message into its chat's pages: replaces the one with its id or client id (my
 * optimistic copy, a resend, an update), never twice, in id order. A stored message older than
 * every page loaded is left out (scrolling up loads it). Also moves the chat up the lists.
 */
export function applyMessage(qc: QueryClient, message: ChatMessage): void {
  qc.setQueryData<MessagesData>(chatKeys.messages(message.chatId), (data) => {
    if (!data) return data;
    let found = false;
    const pages = data.pages.map((page) => {
      if (!page.messages.some((m) => sameMessage(m, message))) return page;
      found = true;
      return { ...page, messages: page.messages.filter((m) => !sameMessage(m, message)) };
    });
    // The page it belongs to: the newest one whose oldest stored message is not newer.
    let target = pages.findIndex((page) => {
      const oldest = page.messages.find((m) => !m.local);
      return !oldest || compareMessages(oldest, message) <= 0;
    });
    if (target < 0) {
      // Older than all loaded: only if the oldest page is the chat's beginning.
      const last = pages.length - 1;
      if (!found && pages[last]!.more) return { ...data, pages };
      target = last;
    }
    const page = pages[target]!;
    pages[target] = { ...page, messages: [...page.messages, message].sort(compareMessages) };
    return { ...data, pages };
  });
  if (message.local) return;
  // The lists: its latest message and activity, the chat first.
  qc.setQueriesData<ChatPage>({ queryKey: chatKeys.lists() }, (list) => {
    if (!list) return list;
    const index = list.items.findIndex((c) => c.id === message.chatId);
    if (index < 0) return list;
    const chat = list.items[index]!;
    if (chat.lastMessage && BigInt(chat.lastMessage.id) >= BigInt(message.id)) return list;
    const updated = {
      ...chat,
      lastActivityAt: message.createdAt,
      lastMessage: {
        id: message.id,
        kind: message.kind,
        preview: message.body.slice(0, 200),
        system: message.system,
        authorKind: (message.author?.kind ?? null) as 'customer' | 'staff' | null,
        authorName: message.author?.name ?? null,
        attachments: message.attachments.length,
      },
    };
    const items = list.items.filter((c) => c.id !== message.chatId);
    return { ...list, items: [updated, ...items] };
  });
}

/** My unread count in one chat and in total changed. */
export function applyUnread(
  qc: QueryClient,
  { chatId, unread, total }: { chatId: string; unread: number; total: number },
): void {
  qc.setQueryData<{ total: number }>(chatKeys.unread(), { total });
  qc.setQueryData<Chat>(chatKeys.detail(chatId), (chat) => (chat ? { ...chat, unread } : chat));
  qc.setQueriesData<ChatPage>({ queryKey: chatKeys.lists() }, (list) =>
    list
      ? {
          ...list,
          totalUnread: total,
          items: list.items.map((c) => (c.id === chatId ? { ...c, unread } : c)),
        }
      : list,
  );
  qc.setQueriesData<ChatPage>({ queryKey: [...chatKeys.all, 'contract'] }, (list) =>
    list
      ? { ...list, items: list.items.map((c) => (c.id === chatId ? { ...c, unread } : c)) }
      : list,
  );
}

/** Someone read up to a message: their participant's mark (and mine, when it is me) moves on. */
export function applyRead(qc: QueryClient, mark: ChatReadMark, me?: { kind: string; id: string }) {
  qc.setQueryData<Chat>(chatKeys.detail(mark.chatId), (chat) => {
    if (!chat) return chat;
    const later = (current: string) =>
      BigInt(mark.lastReadId) > BigInt(current) ? mark.lastReadId : current;
    const isMe = me && me.kind === mark.reader.kind && me.id === mark.reader.id;
    return {
      ...chat,
      lastReadId: isMe ? later(chat.lastReadId) : chat.lastReadId,
      participants: chat.participants.map((p) =>
        p.person.kind === mark.reader.kind && p.person.id === mark.reader.id
          ? { ...p, lastReadId: later(p.lastReadId), lastReadAt: mark.at }
          : p,
      ),
    };
  });
}

/** A chat appeared or changed (participants, title): its card and the lists are read again. */
export function applyChatChanged(qc: QueryClient, chatId: string): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: chatKeys.detail(chatId) }),
    qc.invalidateQueries({ queryKey: chatKeys.lists() }),
    qc.invalidateQueries({ queryKey: [...chatKeys.all, 'contract'] }),
  ]);
}

/** Every message loaded, oldest first (for the page and for tests). */
export function flattenMessages(data: MessagesData | undefined): ChatMessage[] {
  if (!data) return [];
  return [...data.pages].reverse().flatMap((p: MessagesPage) => p.messages);
}

/** The newest message the server stored among `messages` (oldest first); mine still sending are not. */
export function newestStoredId(messages: ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (!messages[i]!.local) return messages[i]!.id;
  return undefined;
}
