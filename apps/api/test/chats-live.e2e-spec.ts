import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageView } from '@kabinet/shared';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';
import { callSocket, connectSocket, nextEvent, recordEvents, type TestSocket } from './sockets';
import { waitFor } from './wait';

/**
 * Chats live, on two API processes sharing one database: a message sent on one reaches the
 * other side's socket on the other process, stored before it is broadcast, exactly once; a
 * resend is not a duplicate; a connection cut mid-conversation catches up in order; outsiders
 * neither join nor hear; a removed participant is dropped from the room at once.
 */
const PUBLIC_URL = 'https://kabinet.example';
const ENV = { PUBLIC_URL, APP_SECRET: randomBytes(24).toString('hex') };

describe('chats live (two API processes)', () => {
  let a: TestApp;
  let b: TestApp;
  let customer: TestClient;
  let manager: TestClient;
  let other: TestClient;
  let chatId: string;
  const sockets: TestSocket[] = [];

  const connect = async (t: TestApp, c: TestClient) => {
    const s = await connectSocket(t, c, PUBLIC_URL);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    a = await startTestApp({ env: ENV });
    b = await startTestApp({ env: ENV, databaseUrl: a.databaseUrl, demo: false });
    await a.settle();
    customer = await loginCustomer(a, '+79123456789');
    manager = await loginStaff(b, 'sokolova');
    other = await loginCustomer(a, '+79031112233');
    const [row] = await a.sql<{ id: string }>(
      `SELECT ch.id FROM chats ch JOIN contracts c ON c.id = ch.contract_id
       WHERE c.number = 'ГМ-000101' AND ch.kind = 'contract'`,
    );
    chatId = row!.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  it('delivers a message sent on one process to the other side on the other, once', async () => {
    const cs = await connect(a, customer);
    const ms = await connect(b, manager);
    expect(await callSocket(cs, 'chat:join', { chatId })).toEqual({ ok: true, data: { chatId } });
    expect(await callSocket(ms, 'chat:join', { chatId })).toEqual({ ok: true, data: { chatId } });
    const heard = recordEvents(ms, 'chat:message');
    const unread = nextEvent(ms, 'chat:unread', (u) => u.chatId === chatId && u.unread > 0);
    const clientId = randomUUID();
    const ack = await callSocket<ChatMessageView>(cs, 'chat:send', {
      chatId,
      clientId,
      body: 'Здравствуйте! Когда установка?',
    });
    expect(ack.ok).toBe(true);
    const sent = (ack as { data: ChatMessageView }).data;
    // Stored before it is broadcast: the row is there when the ack comes.
    const rows = await b.sql(`SELECT 1 FROM chat_messages WHERE id = $1`, [sent.id]);
    expect(rows).toHaveLength(1);
    await nextEvent(ms, 'chat:message', (m) => m.id === sent.id).catch(() => undefined);
    await waitFor('the manager to hear the message', async () =>
      heard.some((m) => m.id === sent.id) ? true : undefined,
    );
    expect((await unread).unread).toBeGreaterThan(0);

    // A resend after a lost ack answers the same message and broadcasts nothing new.
    const again = await callSocket<ChatMessageView>(cs, 'chat:send', {
      chatId,
      clientId,
      body: 'Здравствуйте! Когда установка?',
    });
    expect((again as { data: ChatMessageView }).data.id).toBe(sent.id);
    const probe = await callSocket<ChatMessageView>(cs, 'chat:send', {
      chatId,
      clientId: randomUUID(),
      body: 'probe',
    });
    const probeId = (probe as { data: ChatMessageView }).data.id;
    await waitFor('the probe to arrive', async () =>
      heard.some((m) => m.id === probeId) ? true : undefined,
    );
    expect(heard.filter((m) => m.id === sent.id)).toHaveLength(1);

    // Reading moves the other side's read mark.
    const read = nextEvent(cs, 'chat:read', (r) => r.reader.kind === 'staff');
    expect(await callSocket(ms, 'chat:read', { chatId, lastReadId: probeId })).toMatchObject({
      ok: true,
      data: { unread: 0 },
    });
    expect((await read).lastReadId).toBe(probeId);
  });

  it('refuses bad input and foreign chats with an error ack, changing nothing', async () => {
    const os = await connect(a, other);
    const heard = recordEvents(os, 'chat:message');
    expect(await callSocket(os, 'chat:join', { chatId })).toMatchObject({
      ok: false,
      error: { code: 'not_found', status: 404 },
    });
    expect(
      await callSocket(os, 'chat:send', { chatId, clientId: randomUUID(), body: 'hi' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const cs = await connect(a, customer);
    const empty = await callSocket(cs, 'chat:send', { chatId, clientId: randomUUID(), body: ' ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation_failed', status: 400 } });
    const long = await callSocket(cs, 'chat:send', {
      chatId,
      clientId: randomUUID(),
      body: 'я'.repeat(10_001),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const forged = await callSocket(cs, 'chat:send', { chatId: 'x', clientId: 'y', body: 'z' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // A message in the chat meanwhile does not reach the outsider.
    await callSocket(cs, 'chat:join', { chatId });
    const sent = await callSocket<ChatMessageView>(cs, 'chat:send', {
      chatId,
      clientId: randomUUID(),
      body: 'private',
    });
    const id = (sent as { data: ChatMessageView }).data.id;
    await nextEvent(cs, 'chat:message', (m) => m.id === id);
    expect(heard).toEqual([]);
  });

  it('after a cut connection, catches up with every acknowledged message exactly once, in order', async () => {
    let ms = await connect(b, manager);
    await callSocket(ms, 'chat:join', { chatId });
    const cs = await connect(a, customer);
    const shown = new Map<string, ChatMessageView>();
    const show = (m: ChatMessageView) => {
      if (m.chatId === chatId) shown.set(m.id, m);
    };
    ms.on('chat:message', show);
    const acked: string[] = [];
    for (let i = 0; i < 10; i++) {
      if (i === 4) ms.disconnect(); // the manager's connection drops mid-conversation
      const ack = await callSocket<ChatMessageView>(cs, 'chat:send', {
        chatId,
        clientId: randomUUID(),
        body: `сообщение ${i}`,
      });
      acked.push((ack as { data: ChatMessageView }).data.id);
    }
    ms = await connect(b, manager);
    ms.on('chat:message', show);
    await callSocket(ms, 'chat:join', { chatId });
    const lastSeen = [...shown.keys()].sort((x, y) => Number(x) - Number(y)).at(-1) ?? '0';
    const since = await callSocket<{ messages: ChatMessageView[]; more: boolean }>(
      ms,
      'chat:since',
      { chatId, afterId: lastSeen },
    );
    expect(since.ok).toBe(true);
    for (const m of (since as { data: { messages: ChatMessageView[] } }).data.messages) show(m);
    const ids = [...shown.keys()].sort((x, y) => Number(x) - Number(y));
    for (const id of acked) expect(ids.filter((x) => x === id)).toHaveLength(1);
    const bodies = ids.map((id) => shown.get(id)!.body).filter((x) => x.startsWith('сообщение'));
    expect(bodies).toEqual(Array.from({ length: 10 }, (_, i) => `сообщение ${i}`));
  });

  it('drops a removed participant from the room at once', async () => {
    const belov = await loginStaff(a, 'belov');
    const [staff] = await a.sql<{ id: string }>(`SELECT id FROM staff_users WHERE login = 'belov'`);
    const added = await manager.api.POST('/api/chats/{id}/participants', {
      params: { path: { id: chatId } },
      body: { staffUserId: staff!.id },
    });
    expect(added.response.status).toBe(201);
    const fs = await connect(b, belov);
    expect(await callSocket(fs, 'chat:join', { chatId })).toMatchObject({ ok: true });
    const removed = nextEvent(fs, 'chat:removed', (r) => r.chatId === chatId);
    const p = added.data!.participants.find((x) => x.person.id === staff!.id)!;
    await manager.api.DELETE('/api/chats/{id}/participants/{participantId}', {
      params: { path: { id: chatId, participantId: p.id } },
    });
    await a.settle();
    await removed;
    const heard = recordEvents(fs, 'chat:message');
    const ms = await connect(b, manager);
    await callSocket(ms, 'chat:join', { chatId });
    const cs = await connect(a, customer);
    const sent = await callSocket<ChatMessageView>(cs, 'chat:send', {
      chatId,
      clientId: randomUUID(),
      body: 'after removal',
    });
    const id = (sent as { data: ChatMessageView }).data.id;
    // The manager, still in the room on the same process as the foreman, hears it ...
    await nextEvent(ms, 'chat:message', (m) => m.id === id);
    // ... the removed foreman does not.
    expect(heard.map((m) => m.id)).not.toContain(id);
  });
});
