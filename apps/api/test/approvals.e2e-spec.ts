import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_LIMITS } from '@kabinet/shared';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';
import { callSocket, connectSocket, nextEvent } from './sockets';

const XSD = join(SAMPLES_DIR, '..', 'kabinet-extension.xsd');
/** The page's origin a socket is opened from. */
const PUBLIC_URL = 'https://kabinet.example';

describe('approvals and pinned comments', () => {
  let t: TestApp;
  let customer: TestClient;
  let manager: TestClient;
  let other: TestClient;
  let chatId: string;
  let contractId: string;
  let managerId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL } });
    await t.settle();
    customer = await loginCustomer(t, '+79123456789');
    manager = await loginStaff(t, 'sokolova');
    other = await loginCustomer(t, '+79031112233');
    const [row] = await t.sql<{ chat_id: string; contract_id: string; customer_id: string }>(
      `SELECT ch.id AS chat_id, c.id AS contract_id, c.customer_id FROM chats ch
       JOIN contracts c ON c.id = ch.contract_id
       WHERE ch.kind = 'contract' AND c.number = 'ГМ-000101'`,
    );
    chatId = row.chat_id;
    contractId = row.contract_id;
    customerId = row.customer_id;
    managerId = (
      await t.sql<{ id: string }>(`SELECT id FROM staff_users WHERE login = 'sokolova'`)
    )[0].id;
  });
  afterAll(() => t.close());

  const send = async (c: TestClient, body: string, extra: Record<string, unknown> = {}) => {
    const res = await c.api.POST('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
      body: { clientId: randomUUID(), body, ...extra },
    });
    expect(res.response.status, JSON.stringify(res.error)).toBe(201);
    return res.data!;
  };

  /** A file sent with a message, as the upload route would leave it (no bytes needed here). */
  const attach = async (
    messageId: string,
    name: string,
    kind: 'image' | 'file' = 'image',
    sent = true,
  ): Promise<string> => {
    const [a] = await t.sql<{ id: string }>(
      `INSERT INTO chat_attachments (chat_id, message_id, position, uploaded_by_staff_id, name,
                                     size, mime, kind, width, height, storage_key)
       VALUES ($1, $2, 1, $3, $4, 1234, $5, $6, 800, 600, $7) RETURNING id`,
      [
        chatId,
        sent ? messageId : null,
        managerId,
        name,
        kind === 'image' ? 'image/png' : 'application/pdf',
        kind,
        `test/${randomUUID()}`,
      ],
    );
    return a.id;
  };

  /** A staff message with a picture. */
  const picture = async (body: string, name: string, extra: Record<string, unknown> = {}) => {
    const m = await send(manager, body, extra);
    return { messageId: m.id, attachmentId: await attach(m.id, name) };
  };

  const path = (messageId: string) => ({ params: { path: { id: chatId, messageId } } });
  const request = (c: TestClient, messageId: string, body: Record<string, unknown> = {}) =>
    c.api.POST('/api/chats/{id}/messages/{messageId}/approval', { ...path(messageId), body });
  const approve = (c: TestClient, messageId: string) =>
    c.api.POST('/api/chats/{id}/messages/{messageId}/approval/approve', path(messageId));
  const reject = (c: TestClient, messageId: string, reason: string) =>
    c.api.POST('/api/chats/{id}/messages/{messageId}/approval/reject', {
      ...path(messageId),
      body: { reason },
    });
  const revoke = (c: TestClient, messageId: string, reason: string) =>
    c.api.POST('/api/chats/{id}/messages/{messageId}/approval/revoke', {
      ...path(messageId),
      body: { reason },
    });

  const approvalEvents = async (messageId: string) =>
    (
      await t.sql<{ action: string; reason: string | null; kind: string }>(
        `SELECT payload->>'action' AS action, payload->>'reason' AS reason,
                payload->'by'->>'kind' AS kind
         FROM domain_events WHERE type = 'chat.approval_changed' AND payload->>'messageId' = $1
         ORDER BY id`,
        [messageId],
      )
    ).map((e) => [e.action, e.kind, e.reason]);

  let layout: { messageId: string; attachmentId: string };

  it('lets staff ask later, with a deadline not in the past; asking again is a conflict', async () => {
    layout = await picture('Макет надписи на памятник', 'макет-v1.png');
    const past = await request(manager, layout.messageId, { deadline: '2026-11-19' });
    expect(past.response.status).toBe(400);
    expect(past.error).toMatchObject({ fields: [{ path: 'deadline' }] });
    const byCustomer = await request(customer, layout.messageId);
    expect(byCustomer.response.status).toBe(403);

    const asked = await request(manager, layout.messageId, { deadline: '2026-11-30' });
    expect(asked.response.status, JSON.stringify(asked.error)).toBe(201);
    expect(asked.data!.approval).toMatchObject({
      state: 'pending',
      deadline: '2026-11-30',
      attachmentId: layout.attachmentId,
      version: 1,
      replacedById: null,
      steps: [
        {
          action: 'requested',
          by: { kind: 'staff', id: managerId, name: 'Соколова Анна Викторовна', role: 'manager' },
          reason: null,
        },
      ],
    });
    const again = await request(manager, layout.messageId);
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'conflict' });
    expect(await approvalEvents(layout.messageId)).toEqual([['requested', 'staff', null]]);

    // The chat shows the same approval on the message.
    const page = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
    });
    const shown = page.data!.messages.find((m) => m.id === layout.messageId)!;
    expect(shown.approval).toEqual(asked.data!.approval);
    expect(shown.attachments.map((a) => [a.id, a.pins])).toEqual([[layout.attachmentId, []]]);
  });

  it('refuses a system line, a missing message, another chat’s message and a non-digit id', async () => {
    const [system] = await t.sql<{ id: string }>(
      `INSERT INTO chat_messages (chat_id, kind, body, system_data)
       VALUES ($1, 'system', 'x', '{"event":"opened"}') RETURNING id`,
      [chatId],
    );
    expect((await request(manager, system.id)).response.status).toBe(409);
    expect((await request(manager, '999999999999')).response.status).toBe(404);
    // A message of another chat, asked about through this one.
    const [foreign] = await t.sql<{ id: string }>(
      `INSERT INTO chat_messages (chat_id, kind, body, system_data)
       SELECT ch.id, 'system', 'x', '{"event":"opened"}' FROM chats ch
       WHERE ch.id <> $1 ORDER BY ch.number LIMIT 1 RETURNING id`,
      [chatId],
    );
    expect((await request(manager, foreign.id)).response.status).toBe(404);
    const bad = await manager.post(`/api/chats/${chatId}/messages/abc/approval`, {});
    expect(bad.status).toBe(404);
    const noPicture = await send(manager, 'Только текст');
    const wrong = await request(manager, noPicture.id, { attachmentId: layout.attachmentId });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error).toMatchObject({ fields: [{ path: 'attachmentId' }] });
    // Without a picture the approval is of the text.
    const plain = await request(manager, noPicture.id);
    expect(plain.data!.approval).toMatchObject({ state: 'pending', attachmentId: null });
  });

  it('lets the customer reject only with a reason (a field error without one); twice is a conflict', async () => {
    const missing = await customer.post(
      `/api/chats/${chatId}/messages/${layout.messageId}/approval/reject`,
      {},
    );
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'reason', message: 'reason is required: say why' }],
    });
    const blank = await reject(customer, layout.messageId, ' \n ');
    expect(blank.response.status).toBe(400);
    expect(blank.error).toMatchObject({ fields: [{ path: 'reason' }] });
    const long = await reject(customer, layout.messageId, 'x'.repeat(CHAT_LIMITS.reasonLength + 1));
    expect(long.response.status).toBe(400);
    expect(long.error).toMatchObject({
      fields: [{ path: 'reason', maxLength: CHAT_LIMITS.reasonLength }],
    });
    // Staff do not decide for the customer.
    expect((await approve(manager, layout.messageId)).response.status).toBe(403);

    const rejected = await reject(customer, layout.messageId, '  Крупнее шрифт  ');
    expect(rejected.response.status, JSON.stringify(rejected.error)).toBe(200);
    expect(rejected.data!.approval).toMatchObject({
      state: 'rejected',
      steps: [
        { action: 'requested' },
        {
          action: 'rejected',
          by: { kind: 'customer', id: customerId, role: 'customer' },
          reason: 'Крупнее шрифт',
        },
      ],
    });
    expect((await reject(customer, layout.messageId, 'ещё раз')).response.status).toBe(409);
    expect((await approve(customer, layout.messageId)).response.status).toBe(409);
  });

  it('lets staff revoke a decision with a reason; the customer decides again; steps stay in order', async () => {
    expect((await revoke(customer, layout.messageId, 'нет')).response.status).toBe(403);
    const noReason = await manager.post(
      `/api/chats/${chatId}/messages/${layout.messageId}/approval/revoke`,
      { reason: '' },
    );
    expect(noReason.status).toBe(400);
    const revoked = await revoke(manager, layout.messageId, 'Уточнили размеры');
    expect(revoked.response.status, JSON.stringify(revoked.error)).toBe(200);
    expect(revoked.data!.approval!.state).toBe('revoked');
    expect((await revoke(manager, layout.messageId, 'снова')).response.status).toBe(409);
    const approved = await approve(customer, layout.messageId);
    expect(approved.response.status).toBe(200);
    const steps = approved.data!.approval!.steps;
    expect(steps.map((s) => [s.action, s.by.kind, s.reason])).toEqual([
      ['requested', 'staff', null],
      ['rejected', 'customer', 'Крупнее шрифт'],
      ['revoked', 'staff', 'Уточнили размеры'],
      ['approved', 'customer', null],
    ]);
    const times = steps.map((s) => Date.parse(s.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(approved.data!.approval!.state).toBe('approved');
    // Every step appended its event, in order.
    expect(await approvalEvents(layout.messageId)).toEqual([
      ['requested', 'staff', null],
      ['rejected', 'customer', 'Крупнее шрифт'],
      ['revoked', 'staff', 'Уточнили размеры'],
      ['approved', 'customer', null],
    ]);
  });

  it('names the version: an old one cannot be decided once a newer one is sent', async () => {
    const v1 = await picture('Образец гранита', 'гранит-1.jpg');
    expect((await request(manager, v1.messageId)).response.status).toBe(201);
    const v2m = await send(manager, 'Образец гранита, другой оттенок', {
      replacesMessageId: v1.messageId,
    });
    const v2a = await attach(v2m.id, 'гранит-2.jpg');
    const old = await approve(customer, v1.messageId);
    expect(old.response.status).toBe(409);
    expect(JSON.stringify(old.error)).toContain(`message ${v2m.id}`);
    expect((await reject(customer, v1.messageId, 'не тот')).response.status).toBe(409);

    const asked = await request(manager, v2m.id, { attachmentId: v2a });
    expect(asked.data!.approval).toMatchObject({
      attachmentId: v2a,
      version: 2,
      replacedById: null,
    });
    // A message a newer version replaces cannot be put up for approval either.
    const v3m = await send(manager, 'Ещё оттенок', { replacesMessageId: v2m.id });
    await attach(v3m.id, 'гранит-3.jpg');
    const stale = await request(manager, v1.messageId);
    expect(stale.response.status).toBe(409);
    const v1view = await customer.api.GET('/api/chats/{id}/messages', {
      params: { path: { id: chatId } },
    });
    const byId = new Map(v1view.data!.messages.map((m) => [m.id, m]));
    expect(byId.get(v1.messageId)!.approval).toMatchObject({
      version: 1,
      replacedById: v2m.id,
      state: 'pending',
    });
    expect(byId.get(v2m.id)!.approval).toMatchObject({ version: 2, replacedById: v3m.id });
    expect((await approve(customer, v2m.id)).response.status).toBe(409);
    expect((await revoke(manager, v1.messageId, 'старый')).response.status).toBe(409);

    // A decision on a version later replaced stays as it is: revoking it is a conflict too.
    const tile = await picture('Плитка дорожки', 'плитка-1.jpg');
    expect((await request(manager, tile.messageId)).response.status).toBe(201);
    expect((await approve(customer, tile.messageId)).response.status).toBe(200);
    const tile2 = await send(manager, 'Плитка дорожки, светлее', {
      replacesMessageId: tile.messageId,
    });
    const late = await revoke(manager, tile.messageId, 'передумали');
    expect(late.response.status).toBe(409);
    expect(JSON.stringify(late.error)).toContain(`message ${tile2.id}`);
  });

  it('tells the chat live: a request, a new version and a pin update the message on the page', async () => {
    const socket = await connectSocket(t, customer, PUBLIC_URL);
    try {
      expect(await callSocket(socket, 'chat:join', { chatId })).toMatchObject({ ok: true });
      const v1 = await picture('Эскиз ограды', 'ограда-1.jpg');
      const asked = nextEvent(socket, 'chat:message-updated', (m) => m.id === v1.messageId);
      expect((await request(manager, v1.messageId)).response.status).toBe(201);
      expect((await asked).approval).toMatchObject({ state: 'pending', replacedById: null });

      // A new version: the old message says so at once (it can no longer be decided on).
      const replaced = nextEvent(
        socket,
        'chat:message-updated',
        (m) => m.id === v1.messageId && m.approval?.replacedById != null,
      );
      const v2 = await send(manager, 'Эскиз ограды, пониже', { replacesMessageId: v1.messageId });
      expect((await replaced).approval).toMatchObject({ replacedById: v2.id, version: 1 });

      const pinned = nextEvent(
        socket,
        'chat:message-updated',
        (m) => m.id === v1.messageId && m.attachments.some((a) => a.pins.length === 1),
      );
      const pin = await customer.api.POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
        params: { path: { id: chatId, attachmentId: v1.attachmentId } },
        body: { x: 0.5, y: 0.5, body: 'Высота здесь' },
      });
      expect(pin.response.status).toBe(201);
      expect((await pinned).attachments[0]!.pins[0]).toMatchObject({
        number: 1,
        body: 'Высота здесь',
      });
    } finally {
      socket.disconnect();
    }
  });

  it('keeps others out: another customer 404, a foreman not in the chat 404, view-as 403 read_only', async () => {
    const m = await picture('Эскиз ограды', 'ограда.png');
    expect((await request(manager, m.messageId)).response.status).toBe(201);
    for (const res of [
      await approve(other, m.messageId),
      await reject(other, m.messageId, 'нет'),
      await other.api.GET('/api/chats/{id}/attachments/{attachmentId}/pins', {
        params: { path: { id: chatId, attachmentId: m.attachmentId } },
      }),
    ]) {
      expect(res.response.status).toBe(404);
    }
    const foreman = await loginStaff(t, 'belov');
    expect((await approve(foreman, m.messageId)).response.status).toBe(404);
    expect(
      (
        await foreman.api.POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
          params: { path: { id: chatId, attachmentId: m.attachmentId } },
          body: { x: 0.5, y: 0.5, body: 'тут' },
        })
      ).response.status,
    ).toBe(404);
    // The other manager does not manage this chat: 404 (he cannot see it).
    const orlov = await loginStaff(t, 'orlov');
    expect((await request(orlov, m.messageId)).response.status).toBe(404);

    const head = await loginStaff(t, 'volkova');
    expect((await head.post('/api/view-as', { customerId })).status).toBeLessThan(300);
    const asCustomer = await approve(head, m.messageId);
    expect(asCustomer.response.status).toBe(403);
    expect(asCustomer.error).toMatchObject({ code: 'read_only' });
    const pin = await head.api.POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
      params: { path: { id: chatId, attachmentId: m.attachmentId } },
      body: { x: 0.5, y: 0.5, body: 'тут' },
    });
    expect(pin.response.status).toBe(403);
    expect(pin.error).toMatchObject({ code: 'read_only' });
    // Still pending: nothing changed.
    const [{ state }] = await t.sql<{ state: string }>(
      `SELECT state FROM chat_approvals WHERE message_id = $1`,
      [m.messageId],
    );
    expect(state).toBe('pending');
  });

  it('lists a contract’s approvals with their state and last step; others get 404', async () => {
    const list = await manager.api.GET('/api/contracts/{id}/approvals', {
      params: { path: { id: contractId } },
    });
    expect(list.response.status).toBe(200);
    const first = list.data!.items.find((i) => i.messageId === layout.messageId)!;
    expect(first).toMatchObject({
      state: 'approved',
      deadline: '2026-11-30',
      overdue: false,
      preview: 'Макет надписи на памятник',
      attachment: { id: layout.attachmentId, name: 'макет-v1.png' },
      version: 1,
      replacedById: null,
      chat: { id: chatId },
      lastStep: { action: 'approved', by: { kind: 'customer', id: customerId } },
    });
    expect(first.chat.number).toMatch(/^Ч-\d{6}$/);
    expect(list.data!.total).toBe(list.data!.items.length);
    const pending = await customer.api.GET('/api/contracts/{id}/approvals', {
      params: { path: { id: contractId }, query: { state: 'pending' } },
    });
    expect(pending.data!.items.length).toBeGreaterThan(0);
    expect(pending.data!.items.every((i) => i.state === 'pending')).toBe(true);
    expect(pending.data!.items.every((i) => !i.overdue)).toBe(true);
    // After a deadline passes, waiting approvals are overdue.
    const [late] = await t.sql<{ message_id: string }>(
      `UPDATE chat_approvals SET deadline = '2026-11-19' WHERE state = 'pending'
       AND message_id = (SELECT max(message_id) FROM chat_approvals WHERE state = 'pending')
       RETURNING message_id::text`,
    );
    const again = await customer.api.GET('/api/contracts/{id}/approvals', {
      params: { path: { id: contractId }, query: { state: 'pending' } },
    });
    expect(again.data!.items.find((i) => i.messageId === late.message_id)!.overdue).toBe(true);
    const denied = await other.api.GET('/api/contracts/{id}/approvals', {
      params: { path: { id: contractId } },
    });
    expect(denied.response.status).toBe(404);
    const foreman = await loginStaff(t, 'belov');
    expect(
      (
        await foreman.api.GET('/api/contracts/{id}/approvals', {
          params: { path: { id: contractId } },
        })
      ).response.status,
    ).toBe(404);
  });

  it('sends every decision to 1C through the outbox, as the XSD describes', async () => {
    // The layout's decisions (the other tests' approvals export their own).
    const rows = await t.sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM exchange_export_changes
        WHERE kind = 'chat_approval' AND payload->>'messageId' = $1`,
      [layout.messageId],
    );
    // Decisions only (rejected, revoked, approved); requests stay in Kabinet.
    const byState = new Map(rows.map((r) => [r.payload.state, r.payload]));
    expect(rows).toHaveLength(3);
    expect([...byState.keys()].sort()).toEqual(['approved', 'rejected', 'revoked']);
    const [customerExt] = await t.sql<{ external_id: string; contract_ext: string }>(
      `SELECT cu.external_id, c.external_id AS contract_ext FROM customers cu
       JOIN contracts c ON c.customer_id = cu.id WHERE c.id = $1`,
      [contractId],
    );
    expect(byState.get('rejected')).toMatchObject({
      customerExternalId: customerExt.external_id,
      contractExternalId: customerExt.contract_ext,
      contractNumber: 'ГМ-000101',
      messageId: layout.messageId,
      attachmentName: 'макет-v1.png',
      version: 1,
      deadline: '2026-11-30',
      state: 'rejected',
      by: { kind: 'customer', externalId: customerExt.external_id, name: 'Иванова Мария Петровна' },
      reason: 'Крупнее шрифт',
    });
    expect(byState.get('revoked')).toMatchObject({
      state: 'revoked',
      by: { kind: 'staff', name: 'Соколова Анна Викторовна' },
      reason: 'Уточнили размеры',
    });
    expect(String(byState.get('revoked')!.at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    // A rolled-back decision writes nothing: a conflict leaves the outbox as it was.
    expect((await approve(customer, layout.messageId)).response.status).toBe(409);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM exchange_export_changes
        WHERE kind = 'chat_approval' AND payload->>'messageId' = $1`,
      [layout.messageId],
    );
    expect(n).toBe(3);

    const result = await t.app.get(ExchangeService).runCycle('manual');
    expect(result!.exported).toBeGreaterThanOrEqual(3);
    const outbox = join(t.exchangeDir, 'outbox');
    const files = (await readdir(outbox)).filter((f) => f.endsWith('.xml'));
    const xml = (await Promise.all(files.map((f) => readFile(join(outbox, f), 'utf8')))).join('');
    const pieces = xml.match(/<Кабинет:Изменения>[\s\S]*?<\/Кабинет:Изменения>/g) ?? [];
    expect(pieces.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-approvals-xsd-'));
    try {
      for (const [i, piece] of pieces.entries()) {
        const file = join(dir, `piece-${i}.xml`);
        await writeFile(
          file,
          `<?xml version="1.0" encoding="UTF-8"?>\n${piece.replace(
            '<Кабинет:Изменения>',
            '<Кабинет:Изменения xmlns:Кабинет="urn:kabinet:exchange:1" xmlns="urn:1C.ru:commerceml_210">',
          )}\n`,
        );
        execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const approvals = xml
      .match(/<Кабинет:СогласованиеВЧате>[\s\S]*?<\/Кабинет:СогласованиеВЧате>/g)
      ?.filter((a) => a.includes(`<Кабинет:Сообщение>${layout.messageId}</Кабинет:Сообщение>`));
    expect(approvals).toHaveLength(3);
    const withState = (state: string) =>
      approvals!.find((a) => a.includes(`<Кабинет:Состояние>${state}</Кабинет:Состояние>`))!;
    expect(withState('Отклонено')).toContain(
      '<Кабинет:НомерДоговора>ГМ-000101</Кабинет:НомерДоговора>',
    );
    expect(withState('Отклонено')).toContain('<Кабинет:Файл>макет-v1.png</Кабинет:Файл>');
    expect(withState('Отклонено')).toContain('<Кабинет:Причина>Крупнее шрифт</Кабинет:Причина>');
    expect(withState('Отозвано')).toContain('<Кабинет:Вид>Сотрудник</Кабинет:Вид>');
    expect(withState('Согласовано')).toContain('<Кабинет:Вид>Покупатель</Кабинет:Вид>');
  });

  it('numbers pins 1, 2, 3 per picture, also when added at once, and shows them on the message', async () => {
    const sample = await picture('Фото образца', 'образец.jpg');
    const pinsPath = { params: { path: { id: chatId, attachmentId: sample.attachmentId } } };
    const pin = (c: TestClient, x: number, y: number, body: string) =>
      c.api.POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
        ...pinsPath,
        body: { x, y, body },
      });
    const first = await pin(customer, 0.25, 0.5, '  Здесь скол?  ');
    expect(first.response.status, JSON.stringify(first.error)).toBe(201);
    expect(first.data!.id).toBe(sample.messageId);
    expect(first.data!.attachments[0].pins).toMatchObject([
      { number: 1, x: 0.25, y: 0.5, body: 'Здесь скол?', author: { kind: 'customer' } },
    ]);
    const second = await pin(manager, 1, 0, 'Нет, это блик');
    expect(second.data!.attachments[0].pins.map((p) => [p.number, p.author.kind])).toEqual([
      [1, 'customer'],
      [2, 'staff'],
    ]);
    const together = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pin(i % 2 ? manager : customer, 0.1 * i, 0.1, `№${i}`)),
    );
    expect(together.map((r) => r.response.status)).toEqual(Array(8).fill(201));
    const list = await customer.api.GET(
      '/api/chats/{id}/attachments/{attachmentId}/pins',
      pinsPath,
    );
    expect(list.data!.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(list.data!.slice(2).map((p) => p.body))).toEqual(
      new Set(Array.from({ length: 8 }, (_, i) => `№${i}`)),
    );
    // Another picture counts from 1.
    const otherPicture = await picture('Другое фото', 'другое.jpg');
    const own = await customer.api.POST('/api/chats/{id}/attachments/{attachmentId}/pins', {
      params: { path: { id: chatId, attachmentId: otherPicture.attachmentId } },
      body: { x: 0, y: 1, body: 'А тут?' },
    });
    expect(own.data!.attachments[0].pins.map((p) => p.number)).toEqual([1]);
    const events = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'chat.pin_added'
       AND payload->>'attachmentId' = $1`,
      [sample.attachmentId],
    );
    expect(events[0].n).toBe(10);
  });

  it('refuses pins off a picture, out of the picture, without text, or on an unsent upload', async () => {
    const m = await send(manager, 'Договор на подпись');
    const pdf = await attach(m.id, 'договор.pdf', 'file');
    const img = await attach(m.id, 'фото.jpg');
    const unsent = await attach(m.id, 'черновик.jpg', 'image', false);
    const pin = (attachmentId: string, body: Record<string, unknown>) =>
      customer.post(`/api/chats/${chatId}/attachments/${attachmentId}/pins`, body);
    const onFile = await pin(pdf, { x: 0.5, y: 0.5, body: 'тут' });
    expect(onFile.status).toBe(400);
    expect(await onFile.json()).toMatchObject({ fields: [{ path: 'attachmentId' }] });
    const outside = await pin(img, { x: 1.5, y: 0.5, body: 'тут' });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ fields: [{ path: 'x' }] });
    const blank = await pin(img, { x: 0.5, y: 0.5, body: '   ' });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ fields: [{ path: 'body' }] });
    const long = await pin(img, { x: 0.5, y: 0.5, body: 'я'.repeat(CHAT_LIMITS.reasonLength + 1) });
    expect(long.status).toBe(400);
    expect((await pin(unsent, { x: 0.5, y: 0.5, body: 'тут' })).status).toBe(404);
    expect((await pin(randomUUID(), { x: 0.5, y: 0.5, body: 'тут' })).status).toBe(404);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM chat_pins WHERE attachment_id = ANY($1::uuid[])`,
      [[pdf, img, unsent]],
    );
    expect(n).toBe(0);
  });
});
