import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ChatMessageView } from '@kabinet/shared';
import { SocketContext } from '../../lib/use-socket';
import { fakeSocketClient } from '../../test/fake-socket';
import type { ChatPage } from './api/chats';
import type { MessagesData } from './api/messages';
import { flattenMessages } from './cache';
import { chatKeys } from './keys';
import { useChatRoom, useChatsLive } from './realtime';
import { chatMessage } from '../../test/fixtures';

const CHAT = 'c1';
const me = { kind: 'customer', id: 'u1' };

const msg = (id: string): ChatMessageView =>
  chatMessage(id, { author: { kind: 'staff', id: 's1', name: 'Соколова', role: 'manager' } });

function setup(ids: string[]) {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  const data: MessagesData = {
    pages: [{ messages: ids.map(msg), more: false }],
    pageParams: [undefined],
  };
  qc.setQueryData(chatKeys.messages(CHAT), data);
  qc.setQueryData(chatKeys.unread(), { total: 0 });
  const fake = fakeSocketClient();
  const wrap = (children: ReactNode) => (
    <QueryClientProvider client={qc}>
      <SocketContext.Provider value={fake.client}>{children}</SocketContext.Provider>
    </QueryClientProvider>
  );
  return { qc, ...fake, wrap };
}

function Shell({ room }: { room: boolean }) {
  useChatsLive(me);
  return room ? <Room /> : null;
}
function Room() {
  useChatRoom(CHAT);
  return null;
}

const shown = (qc: QueryClient) =>
  flattenMessages(qc.getQueryData<MessagesData>(chatKeys.messages(CHAT))).map((m) => m.id);

describe('chats over the socket', () => {
  it('joins the open chat on every connection and catches up with what came meanwhile', async () => {
    const { qc, client, latest, wrap } = setup(['10', '11']);
    client.start('customer:u1:');
    const view = render(wrap(<Shell room />));
    latest().answer = (event, input) => {
      if (event === 'chat:join') return { ok: true, data: input };
      if (event === 'chat:since') {
        const after = (input as { afterId: string }).afterId;
        return {
          ok: true,
          data: { messages: after === '11' ? [msg('12')] : [msg('14')], more: false },
        };
      }
      return { ok: true, data: null };
    };
    act(() => latest().open());
    await waitFor(() => expect(shown(qc)).toEqual(['10', '11', '12']));
    expect(latest().emitted.map((e) => e.event)).toEqual(['chat:join', 'chat:since']);
    expect(latest().emitted[1]!.input).toEqual({ chatId: CHAT, afterId: '11' });

    // Live: a new message and the same one again (the HTTP answer and the event) show once.
    act(() => latest().send('chat:message', msg('13')));
    act(() => latest().send('chat:message', msg('13')));
    expect(shown(qc)).toEqual(['10', '11', '12', '13']);

    // The socket was away: it joins again and asks from the newest message on the page.
    act(() => latest().drop('transport close'));
    act(() => latest().open());
    await waitFor(() => expect(shown(qc)).toEqual(['10', '11', '12', '13', '14']));
    expect(
      latest()
        .emitted.slice(2)
        .map((e) => [e.event, e.input]),
    ).toEqual([
      ['chat:join', { chatId: CHAT }],
      ['chat:since', { chatId: CHAT, afterId: '13' }],
    ]);

    // Leaving the page leaves the room.
    view.rerender(wrap(<Shell room={false} />));
    expect(latest().emitted.at(-1)).toEqual({ event: 'chat:leave', input: { chatId: CHAT } });
    act(() => client.stop());
  });

  it('reloads the conversation when more came than one catch-up carries', async () => {
    const { qc, client, latest, wrap } = setup(['10']);
    client.start('customer:u1:');
    render(wrap(<Shell room />));
    latest().answer = (event, input) =>
      event === 'chat:since'
        ? { ok: true, data: { messages: [msg('11')], more: true } }
        : { ok: true, data: input };
    act(() => latest().open());
    await waitFor(() =>
      expect(qc.getQueryState(chatKeys.messages(CHAT))?.isInvalidated).toBe(true),
    );
    act(() => client.stop());
  });

  it('keeps badges and lists up to date, and forgets a chat I was removed from', () => {
    const { qc, client, latest, wrap } = setup(['10']);
    const list: ChatPage = {
      items: [{ id: CHAT, unread: 0 } as ChatPage['items'][number]],
      total: 1,
      page: 1,
      pageSize: 20,
      totalUnread: 0,
    };
    qc.setQueryData(chatKeys.list({ q: '', filter: undefined, page: 1, pageSize: 20 }), list);
    client.start('customer:u1:');
    render(wrap(<Shell room={false} />));
    act(() => latest().open());
    act(() => latest().send('chat:unread', { chatId: CHAT, unread: 3, total: 5 }));
    expect(qc.getQueryData(chatKeys.unread())).toEqual({ total: 5 });
    const after = qc.getQueryData<ChatPage>(
      chatKeys.list({ q: '', filter: undefined, page: 1, pageSize: 20 }),
    )!;
    expect([after.totalUnread, after.items[0]!.unread]).toEqual([5, 3]);
    // A new message's counts: the list on screen is read again for its preview and order.
    const listKey = chatKeys.list({ q: '', filter: undefined, page: 1, pageSize: 20 });
    expect(qc.getQueryState(listKey)!.isInvalidated).toBe(true);
    qc.setQueryData(listKey, after);
    expect(qc.getQueryState(listKey)!.isInvalidated).toBe(false);
    act(() => latest().send('chat:changed', { chatId: CHAT }));
    expect(qc.getQueryState(listKey)!.isInvalidated).toBe(true);
    act(() => latest().send('chat:removed', { chatId: CHAT }));
    expect(qc.getQueryData(chatKeys.messages(CHAT))).toBeUndefined();
    act(() => client.stop());
  });
});
