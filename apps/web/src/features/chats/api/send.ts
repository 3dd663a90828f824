import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChatActor } from '@kabinet/shared';
import { refreshNotifications } from '../../notifications';
import { applyMessage, applyRead, applyUnread } from '../cache';
import { postMessage, postRead, type ChatMessage, type SendInput } from './messages';

/** A new client id for a message (a resend keeps the first one). */
export function newClientId(): string {
  return crypto.randomUUID();
}

/** My message as shown before the server has it. */
export function localMessage(
  chatId: string,
  input: SendInput,
  author: ChatActor,
  attachments: ChatMessage['attachments'],
  status: 'sending' | 'failed' = 'sending',
  error?: unknown,
): ChatMessage {
  return {
    id: `local-${input.clientId}`,
    chatId,
    clientId: input.clientId,
    kind: 'text',
    author,
    body: input.body,
    system: null,
    createdAt: new Date().toISOString(),
    attachments,
    replacesMessageId: input.replacesMessageId ?? null,
    approval: null,
    local: { status, error, input },
  };
}

/**
 * Sends a message optimistically: it shows at once, becomes the stored one when the API answers
 * (matched by the client id), or stays marked failed with a resend that keeps the same client id,
 * so the API never stores it twice.
 */
export function useSendMessage(chatId: string, author: ChatActor) {
  const qc = useQueryClient();
  const send = useCallback(
    async (input: SendInput, attachments: ChatMessage['attachments']) => {
      const optimistic = localMessage(chatId, input, author, attachments);
      applyMessage(qc, optimistic);
      try {
        const stored = await postMessage(chatId, input);
        applyMessage(qc, stored);
      } catch (error) {
        applyMessage(qc, { ...optimistic, local: { status: 'failed', error, input } });
      }
    },
    [qc, chatId, author],
  );
  const resend = useCallback(
    (failed: ChatMessage) => {
      if (!failed.local) return Promise.resolve();
      return send(failed.local.input, failed.attachments);
    },
    [send],
  );
  return { send, resend };
}

/** Marks the chat read up to a message; my unread counts and read mark follow. */
export function useMarkRead(chatId: string, me: ChatActor) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (lastReadId: string) => postRead(chatId, lastReadId),
    onSuccess: (counts, lastReadId) => {
      applyUnread(qc, { chatId, ...counts });
      // Read to its end: the chat's line in the notification centre is read too.
      if (counts.unread === 0) void refreshNotifications(qc);
      applyRead(
        qc,
        { chatId, reader: me, lastReadId, at: new Date().toISOString() },
        { kind: me.kind, id: me.id },
      );
    },
  });
}
