import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ackData } from '../../lib/socket';
import { useSocketClient, useSocketConnected, useSocketEvent } from '../../lib/use-socket';
import { refreshNotifications } from '../notifications';
import { messagesQueryOptions } from './api/messages';
import {
  applyChatChanged,
  applyMessage,
  applyRead,
  applyUnread,
  flattenMessages,
  newestStoredId,
} from './cache';
import { chatKeys } from './keys';

/**
 * Keeps every chat cache live from the socket, for the whole app (mounted once in the shell of a
 * person who may read chats): badges and lists from `chat:unread` (also a new message in any of my
 * chats) and `chat:changed` (a new chat, its participants), a chat that
 * is no longer mine from `chat:removed`, and — for the chat open on the page, whose room it joined
 * — new and changed messages and read marks. After a reconnect what may have been missed is read
 * again (the lists and counts; the open chat catches up itself, `useChatRoom`).
 */
export function useChatsLive(me: { kind: string; id: string } | null): void {
  const qc = useQueryClient();
  const connectedBefore = useRef(false);
  const enabled = me !== null;
  useSocketEvent('chat:unread', (unread) => {
    if (!enabled) return;
    applyUnread(qc, unread);
    // It also comes with every new message in one of my chats: the lists on screen (their
    // previews and order) and the chat's line in the notification centre are read again.
    void qc.invalidateQueries({ queryKey: chatKeys.lists() });
    void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'contract'] });
    void refreshNotifications(qc);
  });
  useSocketEvent('chat:changed', ({ chatId }) => enabled && void applyChatChanged(qc, chatId));
  useSocketEvent('chat:removed', ({ chatId }) => {
    if (!enabled) return;
    qc.removeQueries({ queryKey: chatKeys.messages(chatId) });
    void applyChatChanged(qc, chatId);
    void qc.invalidateQueries({ queryKey: chatKeys.unread() });
  });
  useSocketEvent('chat:message', (message) => enabled && applyMessage(qc, message));
  useSocketEvent('chat:message-updated', (message) => {
    if (!enabled) return;
    applyMessage(qc, message);
    // An approval moved: the contract page's list of approvals follows.
    void qc.invalidateQueries({ queryKey: chatKeys.approvals() });
  });
  useSocketEvent('chat:read', (mark) => enabled && applyRead(qc, mark, me ?? undefined));
  useSocketConnected(() => {
    if (!enabled) return;
    if (connectedBefore.current) {
      void qc.invalidateQueries({ queryKey: chatKeys.lists() });
      void qc.invalidateQueries({ queryKey: chatKeys.unread() });
      void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'contract'] });
    }
    connectedBefore.current = true;
  });
}

/**
 * The open chat's room: joined on every connection while the page shows the chat (and left when
 * it closes), then what was posted since the newest message on the page is asked for (the page
 * may have loaded before the join, or the socket was away); more than one reply's worth reloads
 * the conversation.
 */
export function useChatRoom(chatId: string): void {
  const client = useSocketClient();
  const qc = useQueryClient();
  useSocketConnected(() => {
    void (async () => {
      const joined = await client.emitWithAck('chat:join', { chatId });
      if (!joined.ok) return;
      const data = await qc.ensureInfiniteQueryData(messagesQueryOptions(chatId)).catch(() => null);
      if (!data) return;
      const afterId = newestStoredId(flattenMessages(data)) ?? '0';
      const since = await client.emitWithAck('chat:since', { chatId, afterId });
      try {
        const { messages, more } = ackData(since);
        for (const m of messages) applyMessage(qc, m);
        if (more) await qc.invalidateQueries({ queryKey: chatKeys.messages(chatId) });
      } catch {
        // Not caught up (timeout, gone): the page reads the conversation again.
        await qc.invalidateQueries({ queryKey: chatKeys.messages(chatId) });
      }
    })();
  });
  useEffect(
    () => () => {
      if (client.getState() === 'connected') void client.emitWithAck('chat:leave', { chatId });
    },
    [client, chatId],
  );
}
