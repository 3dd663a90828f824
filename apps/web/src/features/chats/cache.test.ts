import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChatPage } from './api/chats';
import type { ChatMessage, MessagesData } from './api/messages';
import { localMessage } from './api/send';
import { applyMessage, applyRead, applyUnread, flattenMessages } from './cache';
import { chatKeys } from './keys';
import { chatMessage } from '../../test/fixtures';

const CHAT = 'c1';
const author = chatMessage('0').author!;
const msg = (id: string, extra: Partial<ChatMessage> = {}): ChatMessage => chatMessage(id, extra);

function seed(pages: Array<{ ids: string[]; more: boolean }>) {
  const qc = new QueryClient();
  const data: MessagesData = {
    pages: pages.map((p) => ({ messages: p.ids.map((id) => msg(id)), more: p.more })),
    pageParams: pages.map(() => undefined),
  };
  qc.setQueryData(chatKeys.messages(CHAT), data);
  return qc;
}

const ids = (qc: QueryClient) =>
  flattenMessages(qc.getQueryData<MessagesData>(chatKeys.messages(CHAT))).map((m) => m.id);

describe('applyMessage', () => {
  it('adds a new message after the others, in id order', () => {
    const qc = seed([{ ids: ['10', '12'], more: false }]);
    applyMessage(qc, msg('15'));
    applyMessage(qc, msg('11'));
    expect(ids(qc)).toEqual(['10', '11', '12', '15']);
  });

  it('never shows one message twice (the same id again, e.g. a socket event after the answer)', () => {
    const qc = seed([{ ids: ['10'], more: false }]);
    applyMessage(qc, msg('11'));
    applyMessage(qc, msg('11', { body: 'edited' }));
    expect(ids(qc)).toEqual(['10', '11']);
    const all = flattenMessages(qc.getQueryData<MessagesData>(chatKeys.messages(CHAT)));
    expect(all[1]!.body).toBe('edited');
  });

  it('replaces my optimistic copy by the stored one (same client id), also when resent', () => {
    const qc = seed([{ ids: ['10'], more: false }]);
    const input = { clientId: 'aaaaaaaa-1111-4111-8111-111111111111', body: 'hi' };
    const local = localMessage(CHAT, input, author, []);
    applyMessage(qc, local);
    expect(ids(qc)).toEqual(['10', local.id]);
    applyMessage(qc, { ...local, local: { status: 'failed', input } });
    applyMessage(qc, local); // resent: still one
    expect(ids(qc)).toEqual(['10', local.id]);
    // Someone else's message arrives first: mine still pending stays last.
    applyMessage(qc, msg('11'));
    expect(ids(qc)).toEqual(['10', '11', local.id]);
    applyMessage(qc, msg('12', { clientId: input.clientId, body: 'hi' }));
    applyMessage(qc, msg('12', { clientId: input.clientId, body: 'hi' }));
    expect(ids(qc)).toEqual(['10', '11', '12']);
  });

  it('puts a message into the page it belongs to, and leaves out one older than every page', () => {
    const qc = seed([
      { ids: ['20', '21'], more: true },
      { ids: ['10', '11'], more: true },
    ]);
    applyMessage(qc, msg('15'));
    applyMessage(qc, msg('5')); // older than what is loaded: scrolling up brings it
    applyMessage(qc, msg('22'));
    const data = qc.getQueryData<MessagesData>(chatKeys.messages(CHAT))!;
    expect(data.pages[0]!.messages.map((m) => m.id)).toEqual(['20', '21', '22']);
    expect(data.pages[1]!.messages.map((m) => m.id)).toEqual(['10', '11', '15']);
    expect(ids(qc)).toEqual(['10', '11', '15', '20', '21', '22']);
  });

  it('compares ids as numbers, not as text', () => {
    const qc = seed([{ ids: ['9', '10'], more: false }]);
    applyMessage(qc, msg('100'));
    applyMessage(qc, msg('99'));
    expect(ids(qc)).toEqual(['9', '10', '99', '100']);
  });

  it('moves the chat to the top of the list with the new last message', () => {
    const qc = seed([{ ids: ['10'], more: false }]);
    const item = (id: string, last: string) => ({
      id,
      number: 'Ч-000001',
      kind: 'contract' as const,
      title: null,
      contract: null,
      customer: { id: 'k', name: 'K' },
      createdAt: '2026-12-01T10:00:00Z',
      lastActivityAt: '2026-12-01T10:00:00Z',
      lastMessage: {
        id: last,
        kind: 'text' as const,
        preview: 'old',
        system: null,
        authorKind: null,
        authorName: null,
        attachments: 0,
      },
      participant: true,
      unread: 0,
      waitingForUs: false,
    });
    const list: ChatPage = {
      items: [item('other', '50'), item(CHAT, '10')],
      total: 2,
      page: 1,
      pageSize: 20,
      totalUnread: 0,
    };
    qc.setQueryData(chatKeys.list({ q: '', filter: undefined, page: 1, pageSize: 20 }), list);
    applyMessage(qc, msg('11', { body: 'new one', createdAt: '2026-12-02T10:00:00Z' }));
    const after = qc.getQueryData<ChatPage>(
      chatKeys.list({ q: '', filter: undefined, page: 1, pageSize: 20 }),
    )!;
    expect(after.items.map((c) => c.id)).toEqual([CHAT, 'other']);
    expect(after.items[0]!.lastMessage!.preview).toBe('new one');
  });
});

describe('applyUnread and applyRead', () => {
  it('sets the chat, the lists and the total', () => {
    const qc = new QueryClient();
    qc.setQueryData(chatKeys.unread(), { total: 5 });
    qc.setQueryData(chatKeys.detail(CHAT), { id: CHAT, unread: 3, participants: [] });
    applyUnread(qc, { chatId: CHAT, unread: 0, total: 2 });
    expect(qc.getQueryData(chatKeys.unread())).toEqual({ total: 2 });
    expect(qc.getQueryData<{ unread: number }>(chatKeys.detail(CHAT))!.unread).toBe(0);
  });

  it("moves a participant's read mark forward only", () => {
    const qc = new QueryClient();
    const reader = { kind: 'staff' as const, id: 's1', name: 'Соколова', role: 'manager' };
    qc.setQueryData(chatKeys.detail(CHAT), {
      id: CHAT,
      lastReadId: '0',
      participants: [{ id: 'p1', person: reader, lastReadId: '10', lastReadAt: null }],
    });
    applyRead(qc, { chatId: CHAT, reader, lastReadId: '12', at: '2026-12-01T10:00:00Z' });
    applyRead(qc, { chatId: CHAT, reader, lastReadId: '9', at: '2026-12-01T10:00:00Z' });
    const chat = qc.getQueryData<{ participants: Array<{ lastReadId: string }> }>(
      chatKeys.detail(CHAT),
    )!;
    expect(chat.participants[0]!.lastReadId).toBe('12');
  });
});
