import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_LIMITS } from '@kabinet/shared';
import { exe, phonePhoto, pdf } from './upload-samples';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';

describe('chats', () => {
  let t: TestApp;
  let customer: TestClient;
  let manager: TestClient;
  let other: TestClient;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.settle();
    customer = await loginCustomer(t, '+79123456789');
    manager = await loginStaff(t, 'sokolova');
    other = await loginCustomer(t, '+79031112233');
  });
  afterAll(() => t.close());

  const send = (c: TestClient, id: string, body: string, extra: Record<string, unknown> = {}) =>
    c.api.POST('/api/chats/{id}/messages', {
      params: { path: { id } },
      body: { clientId: randomUUID(), body, ...extra },
    });

  it('gives every contract its own chat with the customer and the manager', async () => {
    const list = await customer.api.GET('/api/chats');
    expect(list.response.status).toBe(200);
    const numbers = list.data!.items.map((i) => i.contract?.number).sort();
    expect(numbers).toEqual(['ГМ-000045', 'ГМ-000101']);
    const own = list.data!.items.find((i) => i.contract?.number === 'ГМ-000101')!;
    expect(own.number).toMatch(/^Ч-\d{6}$/);
    chatId = own.id;
    const chat = await customer.api.GET('/api/chats/{id}', { params: { path: { id: chatId } } });
    expect(chat.data!.participants.map((p) => [p.person.kind, p.person.name])).toEqual([
      ['customer', 'Иванова Мария Петровна'],
      ['staff', 'Соколова Анна Викторовна'],
    ]);
    expect(chat.data!.can).toEqual({ write: true, manage: false });
  });

  it('sends, lists unread, marks read, and a resend is not a duplicate', async () => {
    const clientId = randomUUID();
    const first = await customer.api.POST('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
      body: { clientId, body: '  Здравствуйте! Когда установка?\r\n<b>не HTML</b>  ' },
    });
    expect(first.response.status).toBe(201);
    expect(first.data).toMatchObject({
      body: 'Здравствуйте! Когда установка?\n<b>не HTML</b>',
      kind: 'text',
      author: { kind: 'customer', name: 'Иванова Мария Петровна', role: 'customer' },
    });
    const again = await customer.api.POST('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
      body: { clientId, body: 'something else' },
    });
    expect(again.data!.id).toBe(first.data!.id);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM chat_messages WHERE client_id = $1`,
      [clientId],
    );
    expect(n).toBe(1);

    // The manager sees it waiting for an answer, unread.
    const waiting = await manager.api.GET('/api/chats', {
      params: { query: { filter: 'waiting' } },
    });
    const item = waiting.data!.items.find((i) => i.id === chatId)!;
    expect(item).toMatchObject({ unread: 1, waitingForUs: true, participant: true });
    expect(item.lastMessage).toMatchObject({ authorName: 'Иванова Мария Петровна' });
    expect((await manager.api.GET('/api/chats/unread')).data).toEqual({ total: 1 });

    // Someone else reusing the clientId is refused.
    const forged = await manager.api.POST('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
      body: { clientId, body: 'hi' },
    });
    expect(forged.response.status).toBe(400);

    const read = await manager.api.POST('/api/chats/{id}/read', {
      params: { path: { id: chatId } },
      body: { lastReadId: first.data!.id },
    });
    expect(read.data).toEqual({ unread: 0, total: 0 });
    const answer = await send(manager, chatId, 'Добрый день! В мае.');
    expect(answer.response.status).toBe(201);
    const mine = await manager.api.GET('/api/chats', { params: { query: { filter: 'waiting' } } });
    expect(mine.data!.items.find((i) => i.id === chatId)).toBeUndefined();
    const c = await customer.api.GET('/api/chats');
    expect(c.data!.totalUnread).toBe(1);
    expect(c.data!.items[0].id).toBe(chatId);
  });

  it('pages messages oldest first, before and after an id', async () => {
    for (let i = 0; i < 5; i++) await send(customer, chatId, `m${i}`);
    const last = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId }, query: { limit: 3 } },
    });
    expect(last.data!.messages.map((m) => m.body)).toEqual(['m2', 'm3', 'm4']);
    expect(last.data!.more).toBe(true);
    const older = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId }, query: { limit: 3, before: last.data!.messages[0].id } },
    });
    expect(older.data!.messages.map((m) => m.body)).toEqual(['Добрый день! В мае.', 'm0', 'm1']);
    expect(older.data!.more).toBe(true);
    const oldest = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId }, query: { limit: 3, before: older.data!.messages[0].id } },
    });
    expect(oldest.data!.messages.map((m) => m.body)).toEqual([
      'Здравствуйте! Когда установка?\n<b>не HTML</b>',
    ]);
    expect(oldest.data!.more).toBe(false);
    const newer = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId }, query: { limit: 3, after: older.data!.messages[0].id } },
    });
    expect(newer.data!.messages.map((m) => m.body)).toEqual(['m0', 'm1', 'm2']);
    expect(newer.data!.more).toBe(true);
  });

  it('refuses bad messages with field messages and stores nothing', async () => {
    const [{ before }] = await t.sql<{ before: number }>(
      `SELECT count(*)::int AS before FROM chat_messages`,
    );
    const empty = await send(customer, chatId, '   \n ');
    expect(empty.response.status).toBe(400);
    expect(empty.error).toMatchObject({ fields: [{ path: 'body' }] });
    const long = await send(customer, chatId, 'x'.repeat(CHAT_LIMITS.messageLength + 1));
    expect(long.response.status).toBe(400);
    expect(JSON.stringify(long.error)).toContain('10000');
    const noClientId = await customer.post(`/api/chats/${chatId}/messages`, { body: 'hi' });
    expect(noClientId.status).toBe(400);
    const foreignFile = await send(customer, chatId, 'see', { attachmentIds: [randomUUID()] });
    expect(foreignFile.response.status).toBe(400);
    const approval = await send(customer, chatId, 'approve me', { requiresApproval: true });
    expect(approval.response.status).toBe(400);
    const [{ after }] = await t.sql<{ after: number }>(
      `SELECT count(*)::int AS after FROM chat_messages`,
    );
    expect(after).toBe(before);
  });

  it('keeps other people’s chats out of reach: 404, nothing sent', async () => {
    const res = await other.api.GET('/api/chats/{id}', { params: { path: { id: chatId } } });
    expect(res.response.status).toBe(404);
    const post = await send(other, chatId, 'hi');
    expect(post.response.status).toBe(404);
    const foreman = await loginStaff(t, 'belov');
    expect(
      (await foreman.api.GET('/api/chats/{id}', { params: { path: { id: chatId } } })).response
        .status,
    ).toBe(404);
    const missing = await customer.api.GET('/api/chats/{id}', {
      params: { path: { id: randomUUID() } },
    });
    expect(missing.response.status).toBe(404);
  });

  it('lets a manager add and remove staff, with system lines; the foreman then sees the chat', async () => {
    const candidates = await manager.api.GET('/api/chats/{id}/candidates', {
      params: { path: { id: chatId }, query: { q: 'бел' } },
    });
    const belov = candidates.data!.find((c) => c.kind === 'staff')!;
    const added = await manager.api.POST('/api/chats/{id}/participants', {
      params: { path: { id: chatId } },
      body: { staffUserId: belov.id },
    });
    expect(added.response.status).toBe(201);
    const again = await manager.api.POST('/api/chats/{id}/participants', {
      params: { path: { id: chatId } },
      body: { staffUserId: belov.id },
    });
    expect(again.response.status).toBe(409);
    const foreman = await loginStaff(t, 'belov');
    const list = await foreman.api.GET('/api/chats');
    expect(list.data!.items.map((i) => i.id)).toContain(chatId);
    expect((await send(foreman, chatId, 'Замер в среду')).response.status).toBe(201);

    const p = added.data!.participants.find((x) => x.person.id === belov.id)!;
    const removed = await manager.api.DELETE('/api/chats/{id}/participants/{participantId}', {
      params: { path: { id: chatId, participantId: p.id } },
    });
    expect(removed.response.status).toBe(200);
    expect((await send(foreman, chatId, 'ещё')).response.status).toBe(404);
    const customerRow = added.data!.participants.find((x) => x.person.kind === 'customer')!;
    const notCustomer = await manager.api.DELETE('/api/chats/{id}/participants/{participantId}', {
      params: { path: { id: chatId, participantId: customerRow.id } },
    });
    expect(notCustomer.response.status).toBe(409);
    const msgs = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
    });
    const system = msgs.data!.messages.filter((m) => m.kind === 'system');
    expect(system.map((m) => m.system?.event)).toEqual(['added', 'removed']);
    // The customer cannot manage participants.
    const denied = await customer.api.POST('/api/chats/{id}/participants', {
      params: { path: { id: chatId } },
      body: { staffUserId: belov.id },
    });
    expect(denied.response.status).toBe(403);
  });

  it('lets staff open a general chat with a customer; search finds it by number', async () => {
    const customers = await t.sql<{ id: string }>(
      `SELECT id FROM customers WHERE phone = '+79123456789'`,
    );
    const opened = await manager.api.POST('/api/chats', {
      body: { customerId: customers[0].id, title: 'Благоустройство участка' },
    });
    expect(opened.response.status).toBe(201);
    expect(opened.data).toMatchObject({ kind: 'general', title: 'Благоустройство участка' });
    const found = await manager.api.GET('/api/chats', {
      params: { query: { q: opened.data!.number, filter: 'all' } },
    });
    expect(found.data!.items.map((i) => i.id)).toEqual([opened.data!.id]);
    const byName = await manager.api.GET('/api/chats', { params: { query: { q: 'иванова' } } });
    expect(byName.data!.items.length).toBeGreaterThanOrEqual(2);
    const seen = await customer.api.GET('/api/chats');
    expect(seen.data!.items.map((i) => i.id)).toContain(opened.data!.id);
    const badContract = await manager.api.POST('/api/chats', {
      body: { customerId: customers[0].id, contractId: randomUUID() },
    });
    expect(badContract.response.status).toBe(400);
  });

  it('lets view-as read the chat but not send or mark read', async () => {
    const head = await loginStaff(t, 'volkova');
    const customers = await t.sql<{ id: string }>(
      `SELECT id FROM customers WHERE phone = '+79123456789'`,
    );
    const start = await head.post('/api/view-as', { customerId: customers[0].id });
    expect(start.status).toBeLessThan(300);
    const read = await head.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
    });
    expect(read.response.status).toBe(200);
    const post = await send(head, chatId, 'as the customer');
    expect(post.response.status).toBe(403);
    expect(post.error).toMatchObject({ code: 'read_only' });
  });

  it('lists a contract’s chats for its page', async () => {
    const list = await customer.api.GET('/api/contracts');
    const id = list.data!.items.find((i) => i.number === 'ГМ-000101')!.id;
    const chats = await manager.api.GET('/api/contracts/{id}/chats', { params: { path: { id } } });
    expect(chats.data!.items.map((i) => i.kind)).toContain('contract');
    const denied = await other.api.GET('/api/contracts/{id}/chats', { params: { path: { id } } });
    expect(denied.response.status).toBe(404);
  });

  describe('attachments', () => {
    const upload = (c: TestClient, id: string, name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return c.fetch(`${t.baseUrl}/api/chats/${id}/attachments`, {
        method: 'POST',
        headers: { 'x-csrf-token': c.cookies.get('kabinet_csrf') ?? '' },
        body: form,
      });
    };

    it('takes pictures and documents, sends them with a message, serves them to participants only', async () => {
      const photo = await upload(customer, chatId, 'эскиз.jpg', await phonePhoto());
      expect(photo.status).toBe(201);
      const image = (await photo.json()) as {
        id: string;
        kind: string;
        width: number;
        height: number;
      };
      expect(image).toMatchObject({ kind: 'image', width: 800, height: 1200 });
      const doc = await upload(customer, chatId, 'смета.pdf', await pdf());
      const file = (await doc.json()) as { id: string; kind: string; mime: string };
      expect(file).toMatchObject({ kind: 'file', mime: 'application/pdf' });

      // Before it is sent, only the uploader reaches it.
      const early = await manager.fetch(`${t.baseUrl}/api/chat-attachments/${image.id}`);
      expect(early.status).toBe(404);

      const sent = await send(customer, chatId, '', { attachmentIds: [image.id, file.id] });
      expect(sent.response.status).toBe(201);
      expect(sent.data!.attachments.map((a) => a.name)).toEqual(['эскиз.jpg', 'смета.pdf']);

      const thumb = await manager.fetch(`${t.baseUrl}/api/chat-attachments/${image.id}/thumbnail`);
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get('content-type')).toBe('image/webp');
      const download = await manager.fetch(
        `${t.baseUrl}/api/chat-attachments/${file.id}?download=true`,
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      const noThumb = await manager.fetch(`${t.baseUrl}/api/chat-attachments/${file.id}/thumbnail`);
      expect(noThumb.status).toBe(404);
      const outsider = await other.fetch(`${t.baseUrl}/api/chat-attachments/${image.id}`);
      expect(outsider.status).toBe(404);

      // Sent once: it cannot be sent again with another message.
      const twice = await send(customer, chatId, 'again', { attachmentIds: [image.id] });
      expect(twice.response.status).toBe(400);

      const materials = await customer.api.GET('/api/chats/{id}/materials', {
        params: { path: { id: chatId }, query: { kind: 'image' } },
      });
      expect(materials.data!.items.map((m) => m.id)).toEqual([image.id]);
    });

    it('refuses an .exe named .jpg and a chat the uploader is not in, storing nothing', async () => {
      const [{ before }] = await t.sql<{ before: number }>(
        `SELECT count(*)::int AS before FROM chat_attachments`,
      );
      const fake = await upload(customer, chatId, 'photo.jpg', exe());
      expect(fake.status).toBe(400);
      const body = (await fake.json()) as { fields: Array<{ path: string; message: string }> };
      expect(body.fields[0].path).toBe('file');
      const foreign = await upload(other, chatId, 'a.pdf', await pdf());
      expect(foreign.status).toBe(404);
      const [{ after }] = await t.sql<{ after: number }>(
        `SELECT count(*)::int AS after FROM chat_attachments`,
      );
      expect(after).toBe(before);
    });
  });
});
