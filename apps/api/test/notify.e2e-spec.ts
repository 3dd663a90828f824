import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  SAMPLES_DIR,
  generateContent,
  writeImportFile,
  type ImportFileContent,
  type PaymentRecord,
} from '@kabinet/exchange-1c';
import { formatChatNumber, NOTIFICATION_KINDS } from '@kabinet/shared';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type KabinetApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { pgDatabase } from '../src/database/sql';
import { appendEvents } from '../src/modules/events/append-events';
import type { DomainEvent } from '../src/modules/events/domain-events';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { NotificationDeliveryService } from '../src/modules/notifications/delivery.service';
import { PaymentNoticesService } from '../src/modules/notifications/payment-notices.service';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';
import { MIGRATIONS } from './migrations';
import { startSmtp, type ReceivedMail, type TestSmtp } from './smtp';

const IVANOVA = '+79123456789';
const SMIRNOV = '+79031112233';
const KUZNETSOVA = '+79161234567';
const IVANOVA_MAIL = 'ivanova.mp@example.ru';
const SMIRNOV_MAIL = 'smirnov.av@example.ru';
/** 1C ids of the demo contracts. */
const GM101 = 'd0c00001-2a00-4b00-8000-000000000101';
const RM017 = 'd0c00001-2a00-4b00-8000-000000000017';
const GM112 = 'd0c00001-2a00-4b00-8000-000000000112';
const BASE = 'https://cabinet.example.ru';
const FROM = 'Гранит-Мастер <noreply@granit-master.example>';

/** Intl writes `74 250 ₽` with no-break spaces; compare with plain ones. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

interface DeliveryRow {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  address: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
}

describe('delivering notifications by e-mail and SMS', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ivanova: TestClient;
  let sokolova: TestClient;
  let files = 0;

  const env = (port: number) => ({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_USER: 'kabinet',
    SMTP_PASSWORD: 'smtp-secret',
    SMTP_FROM: FROM,
    PUBLIC_URL: `${BASE}/`,
    NOTIFY_MAX_ATTEMPTS: '3',
    NOTIFY_RETRY_SECONDS: '60',
  });
  // What a change made reaches the deliveries through the event dispatcher first.
  const deliver = async () => {
    await t.settle();
    return t.app.get(NotificationDeliveryService).deliverDue();
  };

  /** Imports a 1C file through the exchange, as the scheduled run does. */
  async function importFile(name: string, bytes: Buffer | string): Promise<void> {
    const path = join(t.exchangeDir, `${++files}-${name}`);
    await writeFile(path, bytes);
    const result = await t.app.get(ExchangeService).importLocalFile(path, 'cli');
    const file = result.files[0]!;
    expect(file.status === 'failed' ? file.report : file.status).toBe('imported');
    await t.settle(); // the notifications follow from the import's events
  }

  async function importPayments(
    payments: Array<Pick<PaymentRecord, 'externalId' | 'contractExternalId' | 'amount'>>,
  ): Promise<void> {
    const records = payments.map((p): PaymentRecord => ({
      ...p,
      number: `ПКО-${p.externalId}`,
      date: '2026-11-20',
      currency: 'RUB',
      method: 'Наличные',
      deleted: false,
    }));
    await importFile(
      'payments.xml',
      writeImportFile(
        { staff: [], customers: [], contracts: [], payments: records },
        { generatedAt: '2026-11-23T10:00:00' },
      ),
    );
  }

  /** Deliveries with their notification's kind, oldest first (e-mail before SMS). */
  const deliveries = (where = 'true', params: unknown[] = []) =>
    t.sql<DeliveryRow>(
      `SELECT d.id, n.kind, d.channel, d.address, d.status, d.attempts, d.last_error,
              d.next_attempt_at, d.sent_at
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE ${where} ORDER BY d.created_at, n.params->>'number', d.channel`,
      params,
    );

  /** Takes the SMS the dev outbox holds for `phone` out of it, oldest first. */
  const takeSms = async (phone: string) =>
    (
      await t.sql<{ text: string; created_at: Date }>(
        'DELETE FROM dev_outbox_messages WHERE phone = $1 RETURNING text, created_at',
        [phone],
      )
    )
      .sort((a, b) => +a.created_at - +b.created_at)
      .map((m) => plain(m.text));

  /** Takes what the SMTP server received. */
  const takeMail = async (): Promise<ReceivedMail[]> => {
    const mail = await smtp.messages();
    await smtp.clear();
    return mail;
  };

  const contractId = async (externalId: string) =>
    (
      await t.sql<{ id: string }>('SELECT id FROM contracts WHERE external_id = $1', [externalId])
    )[0]!.id;

  beforeAll(async () => {
    smtp = await startSmtp({ user: 'kabinet', password: 'smtp-secret' });
    t = await startTestApp({ env: env(smtp.port) });
    // Log in before any notification SMS reaches the dev outbox (login codes are taken from it).
    ivanova = await loginCustomer(t, IVANOVA);
    sokolova = await loginStaff(t, 'sokolova');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.cleanup();
  });

  it('sends the demo import’s "contract added" by e-mail only, as the default settings say', async () => {
    const planned = await deliveries();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((d) => d.kind === 'contract_added' && d.channel === 'email')).toBe(true);
    // Кузнецова has no e-mail in 1C, and SMS is off for new contracts by default.
    expect(new Set(planned.map((d) => d.address))).toEqual(new Set([IVANOVA_MAIL, SMIRNOV_MAIL]));

    const result = await deliver();
    expect(result).toEqual({ sent: planned.length, retrying: 0, failed: 0, skipped: 0 });
    const mail = await takeMail();
    expect(mail).toHaveLength(planned.length);
    const first = mail.find((m) => m.subject === 'Договор № ГМ-000101 добавлен в кабинет')!;
    expect(first).toMatchObject({
      envelopeFrom: 'noreply@granit-master.example',
      envelopeTo: [IVANOVA_MAIL],
      to: IVANOVA_MAIL,
      from: '"Гранит-Мастер" <noreply@granit-master.example>',
      user: 'kabinet',
    });
    expect(first.text).toContain(
      `Открыть в личном кабинете: ${BASE}/contracts/${await contractId(GM101)}\n`,
    );
    expect(first.messageId).toBe(`<${first.delivery}@cabinet.example.ru>`);
    expect(await takeSms(IVANOVA)).toEqual([]);
    expect((await deliveries()).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
  });

  describe('a chat’s news', () => {
    const QUIET = 10 * 60_000;
    const MINUTE = 60_000;
    const SOKOLOVA_MAIL = 'sokolova@granit-master.example';
    const VOLKOVA_MAIL = 'volkova@granit-master.example';
    type Person = { kind: 'customer' | 'staff'; id: string };
    let pool: Pool;
    let ivanovaP: Person;
    let kuznetsovaP: Person;
    let sokolovaP: Person;
    let orlovP: Person;
    let volkovaP: Person;
    let gm101: { id: string; customer_id: string };
    let started: Date;

    const customer = async (phone: string): Promise<Person> => ({
      kind: 'customer',
      id: (await t.sql<{ id: string }>('SELECT id FROM customers WHERE phone = $1', [phone]))[0]!
        .id,
    });
    const staff = async (login: string): Promise<Person> => ({
      kind: 'staff',
      id: (await t.sql<{ id: string }>('SELECT id FROM staff_users WHERE login = $1', [login]))[0]!
        .id,
    });

    /** Appends events as the chat service will: in a transaction of their own, last. */
    const append = async (events: DomainEvent[]) => {
      await pgDatabase(pool).transaction((tx) => appendEvents(tx, events));
      await t.settle();
    };

    /**
     * A chat about ГМ-000101 (Иванова's) with Иванова and Соколова; Кузнецова reads it
     * (read-only, no e-mail in 1C); Орлов was removed from it; `more` take part too.
     */
    async function openChat(more: Person[] = []): Promise<{ id: string; number: number }> {
      const [chat] = await t.sql<{ id: string; number: number }>(
        // A chat staff opened about the contract (its own chat exists already, one per contract).
        `INSERT INTO chats (kind, contract_id, customer_id) VALUES ('general', $1, $2)
         RETURNING id, number`,
        [gm101.id, gm101.customer_id],
      );
      const people: Array<[Person, { readOnly?: boolean; removed?: boolean }]> = [
        [ivanovaP, {}],
        [sokolovaP, {}],
        [kuznetsovaP, { readOnly: true }],
        [orlovP, { removed: true }],
        ...more.map((p): [Person, object] => [p, {}]),
      ];
      for (const [p, o] of people) {
        await t.sql(
          `INSERT INTO chat_participants (chat_id, customer_id, staff_user_id, read_only, removed_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            chat!.id,
            p.kind === 'customer' ? p.id : null,
            p.kind === 'staff' ? p.id : null,
            o.readOnly ?? false,
            o.removed ? t.clock.now() : null,
          ],
        );
      }
      return chat!;
    }

    /** Stores messages (one transaction, as a burst) and appends their events. */
    async function post(
      chatId: string,
      author: Person | null,
      ...bodies: string[]
    ): Promise<string[]> {
      const at = t.clock.now();
      const ids: string[] = [];
      for (const body of bodies) {
        const [m] = await t.sql<{ id: string }>(
          `INSERT INTO chat_messages (chat_id, kind, author_customer_id, author_staff_id, body,
                                      created_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            chatId,
            author ? 'text' : 'system',
            author?.kind === 'customer' ? author.id : null,
            author?.kind === 'staff' ? author.id : null,
            body,
            at,
          ],
        );
        ids.push(m!.id);
      }
      await append(
        ids.map((messageId, i) => ({
          type: 'chat.message_posted',
          source: 'api',
          occurredAt: at,
          contractId: gm101.id,
          customerId: gm101.customer_id,
          payload: {
            chatId,
            messageId,
            kind: author ? 'text' : 'system',
            author,
            preview: bodies[i]!,
            attachments: 0,
          },
        })),
      );
      return ids;
    }

    const read = (chatId: string, p: Person, lastReadId: string) =>
      t.sql(
        `UPDATE chat_participants SET last_read_id = $3, last_read_at = $4
          WHERE chat_id = $1 AND (customer_id = $2 OR staff_user_id = $2)`,
        [chatId, p.id, lastReadId, t.clock.now()],
      );

    async function approval(
      chatId: string,
      messageId: string,
      action: 'requested' | 'approved' | 'rejected' | 'revoked',
      by: Person,
      reason: string | null = null,
    ): Promise<void> {
      t.clock.advance(MINUTE); // each step the newest in the centre
      await append([
        {
          type: 'chat.approval_changed',
          source: 'api',
          occurredAt: t.clock.now(),
          contractId: gm101.id,
          customerId: gm101.customer_id,
          payload: {
            chatId,
            messageId,
            approvalId: '00000000-0000-4000-8000-00000000a001',
            action,
            by,
            reason,
            deadline: action === 'requested' ? '2027-02-01' : null,
          },
        },
      ]);
    }

    /** A person's notifications about a chat, newest first. */
    const centre = (p: Person, chatId: string) =>
      t.sql<{ kind: string; chat_id: string; params: Record<string, string>; read: boolean }>(
        `SELECT kind, chat_id, params, read_at IS NOT NULL AS read FROM notifications
          WHERE chat_id = $2 AND (customer_id = $1 OR staff_user_id = $1)
          ORDER BY created_at DESC, id`,
        [p.id, chatId],
      );
    const mailTo = async (address: string) =>
      (await takeMail()).filter((m) => m.envelopeTo.includes(address));

    beforeAll(async () => {
      pool = new Pool({ connectionString: t.databaseUrl, max: 2 });
      ivanovaP = await customer(IVANOVA);
      kuznetsovaP = await customer(KUZNETSOVA);
      sokolovaP = await staff('sokolova');
      orlovP = await staff('orlov');
      volkovaP = await staff('volkova');
      [gm101] = await t.sql<{ id: string; customer_id: string }>(
        'SELECT id, customer_id FROM contracts WHERE external_id = $1',
        [GM101],
      );
      // Иванова wants a chat's news by SMS too (below); Кузнецова keeps the defaults (no SMS).
      await deliver(); // what earlier tests left
      await takeMail();
      await takeSms(IVANOVA);
      started = t.clock.now();
      const chosen = await ivanova.api.PUT('/api/profile/notification-settings', {
        body: { items: [{ kind: 'chat_message', channel: 'sms', enabled: true }] },
      });
      expect(chosen.response.status).toBe(200);
    });
    // The tests after these find nothing of theirs: what is still due goes, the clock goes back.
    afterAll(async () => {
      t.clock.advance(3 * 3600_000);
      await deliver();
      await takeMail();
      for (const phone of [IVANOVA, KUZNETSOVA]) await takeSms(phone);
      t.clock.set(started);
      await pool?.end();
    });

    it('tells the other side in the cabinet at once, and by e-mail and SMS only when still unread after the quiet period', async () => {
      const chat = await openChat();
      const [m1] = await post(chat.id, sokolovaP, 'Макет надписи готов, посмотрите, пожалуйста');

      // In the centre at once: Иванова and Кузнецова (read-only still reads); not the author,
      // not Орлов, who no longer takes part.
      const [note] = await centre(ivanovaP, chat.id);
      expect(note).toMatchObject({
        kind: 'chat_message',
        chat_id: chat.id,
        read: false,
        params: {
          chatId: chat.id,
          chatNumber: String(chat.number),
          contractNumber: 'ГМ-000101',
          messageId: m1,
          actor: 'Соколова Анна Викторовна',
          preview: 'Макет надписи готов, посмотрите, пожалуйста',
          count: '1',
        },
      });
      expect(await centre(kuznetsovaP, chat.id)).toHaveLength(1);
      expect(await centre(sokolovaP, chat.id)).toEqual([]);
      expect(await centre(orlovP, chat.id)).toEqual([]);
      const list = await ivanova.api.GET('/api/notifications', {
        params: { query: { unread: true, pageSize: 100 } },
      });
      expect(list.data!.items.filter((n) => n.chatId === chat.id)).toMatchObject([
        { kind: 'chat_message', contractId: null, read: false },
      ]);

      // Nothing goes before the quiet period is over.
      t.clock.advance(QUIET - 1000);
      await deliver();
      expect(await mailTo(IVANOVA_MAIL)).toEqual([]);
      expect(await takeSms(IVANOVA)).toEqual([]);

      t.clock.advance(1000);
      await deliver();
      const link = `${BASE}/chats/${chat.id}`;
      const number = formatChatNumber(chat.number);
      const [mail, ...more] = await mailTo(IVANOVA_MAIL);
      expect(more).toEqual([]);
      expect(mail!.subject).toBe(`Новое сообщение в чате ${number} по договору № ГМ-000101`);
      expect(mail!.text).toContain(
        'Соколова Анна Викторовна: «Макет надписи готов, посмотрите, пожалуйста»\n',
      );
      expect(mail!.text).toContain(`Открыть чат: ${link}\n`);
      expect(mail!.html).toContain(`<a href="${link}"`);
      const sms = await takeSms(IVANOVA);
      expect(sms).toEqual([`Новое сообщение по договору № ГМ-000101 ${link}`]);
      // Кузнецова has no e-mail, and SMS is off for messages by default; staff got nothing.
      expect(await takeSms(KUZNETSOVA)).toEqual([]);
      expect(await takeMail()).toEqual([]);
    });

    it('sends nothing when the message was read in the chat before the quiet period ended', async () => {
      const chat = await openChat();
      const [m1] = await post(chat.id, sokolovaP, 'Когда вам удобно приехать?');
      t.clock.advance(5 * MINUTE);
      await read(chat.id, ivanovaP, m1!);
      t.clock.advance(5 * MINUTE);
      await deliver();
      expect(await mailTo(IVANOVA_MAIL)).toEqual([]);
      expect(await takeSms(IVANOVA)).toEqual([]);
      const skipped = await deliveries(`n.chat_id = $1 AND d.address IN ($2, $3)`, [
        chat.id,
        IVANOVA_MAIL,
        IVANOVA,
      ]);
      expect(skipped.map((d) => [d.channel, d.status, d.last_error])).toEqual([
        ['email', 'skipped', 'Read in the chat before it was due'],
        ['sms', 'skipped', 'Read in the chat before it was due'],
      ]);
    });

    it('collapses a burst into one line and sends at most one e-mail and SMS an hour', async () => {
      const chat = await openChat();
      // Three at once (one transaction), then two more within the hour.
      await post(chat.id, sokolovaP, 'Первое', 'Второе', 'Третье');
      let [note] = await centre(ivanovaP, chat.id);
      expect(note!.params).toMatchObject({ count: '3', preview: 'Третье' });
      t.clock.advance(QUIET);
      await deliver();
      expect((await mailTo(IVANOVA_MAIL)).map((m) => m.subject)).toEqual([
        `Новые сообщения в чате ${formatChatNumber(chat.number)} по договору № ГМ-000101: 3`,
      ]);
      expect(await takeSms(IVANOVA)).toHaveLength(1);

      for (const body of ['Четвёртое', 'Пятое']) {
        t.clock.advance(15 * MINUTE);
        await post(chat.id, sokolovaP, body);
        t.clock.advance(QUIET);
        await deliver();
      }
      // 50 minutes after the e-mail: still one line in the centre, nothing more sent.
      const rows = await centre(ivanovaP, chat.id);
      expect(rows).toHaveLength(1);
      [note] = rows;
      expect(note!.params).toMatchObject({ count: '5', preview: 'Пятое' });
      expect(await mailTo(IVANOVA_MAIL)).toEqual([]);
      expect(await takeSms(IVANOVA)).toEqual([]);

      // An hour after the last one, what is still unread goes, with the latest count.
      t.clock.advance(10 * MINUTE);
      await deliver();
      expect((await mailTo(IVANOVA_MAIL)).map((m) => m.subject)).toEqual([
        `Новые сообщения в чате ${formatChatNumber(chat.number)} по договору № ГМ-000101: 5`,
      ]);
      expect(await takeSms(IVANOVA)).toHaveLength(1);

      // Read in the chat: the next message starts the count again in the same line.
      const [last] = await post(chat.id, sokolovaP, 'Шестое');
      await read(chat.id, ivanovaP, last!);
      const [again] = await post(chat.id, sokolovaP, 'Седьмое');
      expect(await centre(ivanovaP, chat.id)).toHaveLength(1);
      expect((await centre(ivanovaP, chat.id))[0]!.params).toMatchObject({
        count: '1',
        messageId: again,
      });
      // Read in the cabinet: the next message is a new line.
      await ivanova.api.POST('/api/notifications/read', { body: {} });
      t.clock.advance(MINUTE);
      await post(chat.id, sokolovaP, 'Восьмое');
      expect((await centre(ivanovaP, chat.id)).map((n) => [n.read, n.params.count])).toEqual([
        [false, '1'],
        [true, '1'],
      ]);
    });

    it('tells staff who take part of a customer’s message, in their own list, by e-mail after the quiet period', async () => {
      const sokolova = await loginStaff(t, 'sokolova');
      const chat = await openChat([volkovaP]);
      await post(chat.id, ivanovaP, 'Добрый день! Можно поменять шрифт?');
      const list = await sokolova.api.GET('/api/staff/notifications');
      expect(list.data!.unread).toBe(1);
      expect(list.data!.items[0]).toMatchObject({
        kind: 'chat_message',
        chatId: chat.id,
        params: { actor: 'Иванова Мария Петровна', preview: 'Добрый день! Можно поменять шрифт?' },
      });
      expect((await sokolova.api.GET('/api/me')).data!.unreadNotifications).toBe(1);
      expect(await centre(ivanovaP, chat.id)).toEqual([]); // the author
      expect(await centre(kuznetsovaP, chat.id)).toHaveLength(1); // the other customer reading along
      // Волкова leaves the chat before it is due: she is not written to.
      await t.sql(
        `UPDATE chat_participants SET removed_at = $2 WHERE chat_id = $1 AND staff_user_id = $3`,
        [chat.id, t.clock.now(), volkovaP.id],
      );

      t.clock.advance(QUIET);
      await deliver();
      const mail = await takeMail();
      expect(mail.map((m) => [m.envelopeTo, m.subject])).toEqual([
        [
          [SOKOLOVA_MAIL],
          `Новое сообщение в чате ${formatChatNumber(chat.number)} по договору № ГМ-000101`,
        ],
      ]);
      expect(mail[0]!.text).toContain('Здравствуйте, Соколова Анна Викторовна!');
      expect(mail[0]!.text).toContain(`Открыть чат: ${BASE}/chats/${chat.id}\n`);
      expect(mail[0]!.text).not.toContain('/profile');
      const [volkova] = await deliveries(`d.address = $1 AND n.chat_id = $2`, [
        VOLKOVA_MAIL,
        chat.id,
      ]);
      expect(volkova).toMatchObject({
        status: 'skipped',
        last_error: 'No longer takes part in the chat',
      });

      // Staff read theirs the same way.
      await sokolova.api.POST('/api/staff/notifications/read', { body: {} });
      expect((await sokolova.api.GET('/api/me')).data!.unreadNotifications).toBe(0);
    });

    it('reads the chat’s news in the centre when the chat is read to its end through the API, not before', async () => {
      const chat = await openChat();
      const [m1, m2] = await post(chat.id, sokolovaP, 'Первое', 'Второе');
      // As the API's send does: the chat knows its latest message (reading stops there).
      await t.sql(`UPDATE chats SET last_message_id = $2 WHERE id = $1`, [chat.id, m2]);
      const unreadCount = async () => (await ivanova.api.GET('/api/me')).data!.unreadNotifications;
      const before = await unreadCount();
      const readUpTo = (id: string) =>
        ivanova.api.POST('/api/chats/{id}/read', {
          params: { path: { id: chat.id } },
          body: { lastReadId: id },
        });
      // Half read: the line stays new.
      expect((await readUpTo(m1!)).data).toMatchObject({ unread: 1 });
      expect((await centre(ivanovaP, chat.id)).map((n) => n.read)).toEqual([false]);
      expect(await unreadCount()).toBe(before);
      // Read to the end: the line is read, the bell counts one less, nothing goes by e-mail.
      expect((await readUpTo(m2!)).data).toMatchObject({ unread: 0 });
      expect((await centre(ivanovaP, chat.id)).map((n) => n.read)).toEqual([true]);
      expect(await unreadCount()).toBe(before - 1);
      // Кузнецова, who has not read it, keeps hers.
      expect((await centre(kuznetsovaP, chat.id)).map((n) => n.read)).toEqual([false]);
      t.clock.advance(QUIET);
      await deliver();
      expect(await mailTo(IVANOVA_MAIL)).toEqual([]);
      expect(await takeSms(IVANOVA)).toEqual([]);
    });

    it('asks for an approval and tells its decision and revocation at once, each to the other side', async () => {
      const chat = await openChat();
      const [m1] = await post(chat.id, sokolovaP, 'Согласуйте, пожалуйста, макет');
      await read(chat.id, ivanovaP, m1!);
      const number = formatChatNumber(chat.number);

      await approval(chat.id, m1!, 'requested', sokolovaP);
      expect((await centre(ivanovaP, chat.id))[0]).toMatchObject({
        kind: 'approval_requested',
        params: { deadline: '2027-02-01', actor: 'Соколова Анна Викторовна', messageId: m1 },
      });
      // Кузнецова only reads: a decision is not hers to make.
      expect((await centre(kuznetsovaP, chat.id)).map((n) => n.kind)).toEqual(['chat_message']);
      await deliver(); // no quiet period
      const [asked] = await mailTo(IVANOVA_MAIL);
      expect(asked!.subject).toBe(
        `Нужно ваше согласование в чате ${number} по договору № ГМ-000101 до 01.02.2027`,
      );
      expect(asked!.text).toContain(`Открыть чат: ${BASE}/chats/${chat.id}\n`);

      await approval(chat.id, m1!, 'rejected', ivanovaP, 'Другой шрифт');
      expect((await centre(sokolovaP, chat.id))[0]).toMatchObject({
        kind: 'approval_decided',
        params: { decision: 'rejected', reason: 'Другой шрифт', actor: 'Иванова Мария Петровна' },
      });
      expect(await centre(orlovP, chat.id)).toEqual([]);
      await deliver();
      const decided = await takeMail();
      expect(decided.map((m) => [m.envelopeTo, m.subject])).toEqual([
        [[SOKOLOVA_MAIL], `Клиент отклонил согласование в чате ${number} по договору № ГМ-000101`],
      ]);
      expect(decided[0]!.text).toContain('Причина: Другой шрифт\n');

      await approval(chat.id, m1!, 'revoked', sokolovaP, 'Исправили шрифт');
      expect((await centre(ivanovaP, chat.id))[0]).toMatchObject({
        kind: 'approval_revoked',
        params: { reason: 'Исправили шрифт' },
      });
      await deliver();
      expect((await mailTo(IVANOVA_MAIL)).map((m) => m.subject)).toEqual([
        `Решение по согласованию отменено в чате ${number} по договору № ГМ-000101: нужно решить снова`,
      ]);

      await approval(chat.id, m1!, 'approved', ivanovaP);
      await deliver();
      expect((await mailTo(SOKOLOVA_MAIL)).map((m) => m.subject)).toEqual([
        `Клиент согласовал в чате ${number} по договору № ГМ-000101`,
      ]);
      expect(await takeSms(IVANOVA)).toEqual([]); // approvals: SMS off by default
    });

    it('tells nobody of a system line', async () => {
      const chat = await openChat();
      await post(chat.id, null, 'Волкова Елена Андреевна добавлена в чат');
      for (const p of [ivanovaP, kuznetsovaP, sokolovaP])
        expect(await centre(p, chat.id)).toEqual([]);
    });
  });

  it('sends a payment imported from 1C by e-mail, in Russian, and by SMS', async () => {
    await importPayments([
      { externalId: 'n-pay-1', contractExternalId: GM101, amount: '74250.00' },
    ]);
    const planned = await deliveries(`n.kind = 'payment_received'`);
    expect(planned.map((d) => [d.channel, d.address, d.status])).toEqual([
      ['email', IVANOVA_MAIL, 'pending'],
      ['sms', IVANOVA, 'pending'],
    ]);

    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: 0 });
    const [mail, ...more] = await takeMail();
    expect(more).toEqual([]);
    const id = await contractId(GM101);
    const link = `${BASE}/contracts/${id}?tab=payments`;
    expect(mail!.envelopeTo).toEqual([IVANOVA_MAIL]);
    expect(plain(mail!.subject)).toBe('Получена оплата 74 250 ₽ по договору № ГМ-000101');
    expect(plain(mail!.text)).toBe(
      [
        'Здравствуйте, Иванова Мария Петровна!',
        '',
        'Получена оплата 74 250 ₽ по договору № ГМ-000101.',
        '',
        `Открыть в личном кабинете: ${link}`,
        '',
        '—',
        'Это письмо отправлено автоматически, отвечать на него не нужно. О каких событиях ' +
          `сообщать по e-mail и SMS, можно выбрать в профиле: ${BASE}/profile`,
        '',
      ].join('\n'),
    );
    expect(plain(mail!.html)).toContain(
      '<strong>Получена оплата 74 250 ₽ по договору № ГМ-000101.</strong>',
    );
    expect(mail!.html).toContain(`<a href="${link}"`);
    expect(await takeSms(IVANOVA)).toEqual(['Получена оплата 74 250 ₽ по договору № ГМ-000101']);

    const done = await deliveries(`n.kind = 'payment_received'`);
    expect(done.map((d) => [d.status, d.attempts, d.last_error])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
    expect(done[0]!.sent_at).toEqual(t.clock.now());
    // Sent is sent: the next run finds nothing.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
  });

  it('sends nothing on a channel the customer turned off (the cabinet still shows it)', async () => {
    await ivanova.api.PUT('/api/profile/notification-settings', {
      body: { items: [{ kind: 'payment_received', channel: 'sms', enabled: false }] },
    });
    await importPayments([{ externalId: 'n-pay-2', contractExternalId: GM101, amount: '1500.5' }]);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    const mail = await takeMail();
    expect(mail.map((m) => plain(m.subject))).toEqual([
      'Получена оплата 1 500,50 ₽ по договору № ГМ-000101',
    ]);
    expect(await takeSms(IVANOVA)).toEqual([]);

    await ivanova.api.PUT('/api/profile/notification-settings', {
      body: { items: [{ kind: 'payment_received', channel: 'email', enabled: false }] },
    });
    const before = (await deliveries()).length;
    await importPayments([{ externalId: 'n-pay-3', contractExternalId: GM101, amount: '100.00' }]);
    expect((await deliveries()).length).toBe(before);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(await takeMail()).toEqual([]);
    const notes = await ivanova.api.GET('/api/notifications');
    expect(notes.data!.items[0]).toMatchObject({
      kind: 'payment_received',
      params: { amount: '100.00' },
    });
  });

  it('sends only the SMS to a customer without an e-mail address', async () => {
    await importPayments([{ externalId: 'n-pay-4', contractExternalId: GM112, amount: '5000.00' }]);
    const planned = await deliveries(`d.address = $1`, [KUZNETSOVA]);
    expect(planned.map((d) => [d.kind, d.channel])).toEqual([['payment_received', 'sms']]);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(await takeSms(KUZNETSOVA)).toEqual(['Получена оплата 5 000 ₽ по договору № ГМ-000112']);
    expect(await takeMail()).toEqual([]);
  });

  it('retries an e-mail while the SMTP server is down and delivers it when it is back', async () => {
    await smtp.stop();
    await importPayments([
      { externalId: 'n-pay-5', contractExternalId: RM017, amount: '20000.00' },
    ]);
    // The SMS does not wait for the e-mail.
    expect(await deliver()).toEqual({ sent: 1, retrying: 1, failed: 0, skipped: 0 });
    expect(await takeSms(SMIRNOV)).toEqual(['Получена оплата 20 000 ₽ по договору № РМ-000017']);
    const [email] = await deliveries(`d.address = $1 AND n.kind = 'payment_received'`, [
      SMIRNOV_MAIL,
    ]);
    expect(email).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(email!.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(email!.next_attempt_at).toEqual(new Date(t.clock.now().getTime() + 60_000));

    // Not before its time, even with the server back.
    await smtp.start();
    t.clock.advance(59_000);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    t.clock.advance(1_000);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    const mail = await takeMail();
    expect(mail.map((m) => [m.envelopeTo, plain(m.subject), m.delivery])).toEqual([
      [[SMIRNOV_MAIL], 'Получена оплата 20 000 ₽ по договору № РМ-000017', email!.id],
    ]);
    const [after] = await deliveries(`d.id = $1`, [email!.id]);
    expect(after).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(await takeSms(SMIRNOV)).toEqual([]);
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS with the reason, backing off in between', async () => {
    await smtp.stop();
    try {
      await importPayments([{ externalId: 'n-pay-6', contractExternalId: RM017, amount: '1.00' }]);
      expect(await deliver()).toMatchObject({ sent: 1, retrying: 1 });
      t.clock.advance(60_000);
      expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
      const [second] = await deliveries(`d.status = 'pending'`);
      expect(second).toMatchObject({ attempts: 2 });
      expect(second!.next_attempt_at).toEqual(new Date(t.clock.now().getTime() + 120_000));
      t.clock.advance(120_000);
      expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1, skipped: 0 });
      const [failed] = await deliveries(`d.id = $1`, [second!.id]);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null });
      expect(failed!.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
      t.clock.advance(24 * 3600_000);
      expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      expect(await takeSms(SMIRNOV)).toEqual(['Получена оплата 1 ₽ по договору № РМ-000017']);
    } finally {
      await smtp.start();
    }
    expect(await takeMail()).toEqual([]);
  });

  it('never lets two pollers (here on two replicas) send the same delivery twice', async () => {
    await deliver(); // whatever earlier tests left
    await takeMail();
    await takeSms(SMIRNOV);
    // A slow server, so the pollers' runs overlap.
    await smtp.stop();
    await smtp.start({ delayMs: 60 });
    const second: KabinetApp = (
      await createApp({
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env(smtp.port) }),
        databaseUrl: t.databaseUrl,
        clock: t.clock,
        migrations: MIGRATIONS,
        silent: true,
      })
    ).app;
    await second.init();
    try {
      const amounts = Array.from({ length: 16 }, (_, i) => `${1000 + i}.00`);
      await importPayments(
        amounts.map((amount, i) => ({
          externalId: `n-race-${i}`,
          contractExternalId: RM017,
          amount,
        })),
      );
      const a = t.app.get(NotificationDeliveryService);
      const b = second.get(NotificationDeliveryService);
      const runs = await Promise.all([
        a.deliverDue({ batchSize: 3 }),
        a.deliverDue({ batchSize: 3 }),
        b.deliverDue({ batchSize: 3 }),
        b.deliverDue({ batchSize: 3 }),
      ]);
      // Each poller got its share: they really ran side by side.
      expect(runs.every((r) => r.sent > 0)).toBe(true);
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(32);

      const mail = await takeMail();
      expect(mail).toHaveLength(16);
      expect(new Set(mail.map((m) => m.delivery)).size).toBe(16);
      expect(mail.map((m) => plain(m.subject)).sort()).toEqual(
        amounts.map((a) => `Получена оплата 1 ${a.slice(1, 4)} ₽ по договору № РМ-000017`).sort(),
      );
      const sms = await takeSms(SMIRNOV);
      expect(sms).toHaveLength(16);
      expect(new Set(sms).size).toBe(16);
      const rows = await deliveries(`n.params->>'amount' = ANY($1)`, [amounts]);
      expect(rows).toHaveLength(32);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
      await smtp.stop();
      await smtp.start({ delayMs: 0 });
    }
  });

  it('tells the customer the answer to a contact change request', async () => {
    const asked = await ivanova.api.POST('/api/profile/change-requests', {
      body: { field: 'email', value: 'maria.ivanova@example.ru' },
    });
    const rejected = await sokolova.api.POST('/api/change-requests/{id}/resolution', {
      params: { path: { id: asked.data!.id } },
      body: { status: 'rejected', resolution: 'Адрес <maria.ivanova@example.ru> не отвечает' },
    });
    expect(rejected.error).toBeUndefined();
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    const [mail] = await takeMail();
    expect(mail!.envelopeTo).toEqual([IVANOVA_MAIL]);
    expect(mail!.subject).toBe('Заявка на изменение e-mail отклонена');
    expect(mail!.text).toContain(
      'Заявка на изменение e-mail отклонена.\nОтвет менеджера: Адрес <maria.ivanova@example.ru> не отвечает\n',
    );
    expect(mail!.text).toContain(`Открыть в личном кабинете: ${BASE}/profile\n`);
    expect(mail!.html).toContain(
      'Ответ менеджера: Адрес &lt;maria.ivanova@example.ru&gt; не отвечает',
    );
    expect(mail!.html).not.toContain('<maria.ivanova');
    expect(await takeSms(IVANOVA)).toEqual([]); // SMS is off for answers by default

    await ivanova.api.PUT('/api/profile/notification-settings', {
      body: { items: [{ kind: 'profile_request', channel: 'sms', enabled: true }] },
    });
    const phone = await ivanova.api.POST('/api/profile/change-requests', {
      body: { field: 'phone', value: '+7 912 000-00-01' },
    });
    await sokolova.api.POST('/api/change-requests/{id}/resolution', {
      params: { path: { id: phone.data!.id } },
      body: { status: 'done' },
    });
    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: 0 });
    expect((await takeMail()).map((m) => m.subject)).toEqual([
      'Заявка на изменение телефона выполнена',
    ]);
    expect(await takeSms(IVANOVA)).toEqual(['Заявка на изменение телефона выполнена']);
  });

  it('delivers a contract’s new status and changed schedule from 1C', async () => {
    const xml = readFileSync(join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml'), 'utf8')
      .replace(
        /(<Номер>ГМ-000101<\/Номер>[\s\S]*?<Наименование>Кабинет.Статус<\/Наименование>\s*<Значение>)[^<]*/,
        '$1Изготовление',
      )
      .replace(/(<Номер>ГМ-000101<\/Номер>[\s\S]*?<Кабинет:Дата>)2026-11-01/, '$12026-12-01');
    await importFile('status.xml', xml);
    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: 0 });
    const id = await contractId(GM101);
    const mail = await takeMail();
    expect(
      mail.map((m) => [m.subject, m.text?.match(/Открыть в личном кабинете: (\S+)/)?.[1]]).sort(),
    ).toEqual([
      ['Договор № ГМ-000101: статус «Изготовление»', `${BASE}/contracts/${id}`],
      ['Изменён график платежей по договору № ГМ-000101', `${BASE}/contracts/${id}?tab=schedule`],
    ]);
  });

  it('delivers payment reminders and overdue notices with a link to the schedule', async () => {
    const raise = () => t.app.get(PaymentNoticesService).raiseDue();
    const rm = await contractId(RM017);
    // РМ-000017 owes 316 000 ₽ on 2027-01-15 (Смирнов: e-mail and SMS).
    t.clock.set(new Date('2027-01-13T09:00:00Z'));
    expect(await raise()).toMatchObject({ payment_reminder: 1, payment_overdue: 0 });
    await deliver();
    t.clock.set(new Date('2027-01-16T09:00:00Z'));
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 1 });
    await deliver();
    const mail = (await takeMail()).filter((m) => m.to === SMIRNOV_MAIL);
    expect(
      mail.map((m) => [plain(m.subject), m.text?.match(/Открыть в личном кабинете: (\S+)/)?.[1]]),
    ).toEqual([
      [
        'Напоминаем: 15.01.2027 срок платежа 316 000 ₽ по договору № РМ-000017',
        `${BASE}/contracts/${rm}?tab=schedule`,
      ],
      [
        'Просрочен платёж 316 000 ₽ по договору № РМ-000017: срок был 15.01.2027',
        `${BASE}/contracts/${rm}?tab=schedule`,
      ],
    ]);
    expect(mail[1]!.html).toContain(`href="${BASE}/contracts/${rm}?tab=schedule"`);
    expect((await takeSms(SMIRNOV)).slice(-2)).toEqual([
      'Напоминаем: 15.01.2027 срок платежа 316 000 ₽ по договору № РМ-000017',
      'Просрочен платёж 316 000 ₽ по договору № РМ-000017: срок был 15.01.2027',
    ]);
  });

  it('has delivered every kind of notification (each place that makes one plans its deliveries)', async () => {
    const kinds = await t.sql<{ kind: string }>(
      `SELECT DISTINCT n.kind FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id WHERE d.status = 'sent' ORDER BY 1`,
    );
    expect(kinds.map((k) => k.kind)).toEqual([...NOTIFICATION_KINDS].sort());
  });
});

describe('the company’s first import', () => {
  let t: TestApp;
  let files = 0;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t?.close());

  async function importContent(content: ImportFileContent): Promise<void> {
    const path = join(t.exchangeDir, `${++files}.xml`);
    await writeFile(path, writeImportFile(content, { generatedAt: `2026-11-2${files}T10:00:00` }));
    const result = await t.app.get(ExchangeService).importLocalFile(path, 'cli');
    const file = result.files[0]!;
    expect(file.status === 'failed' ? file.report : file.status).toBe('imported');
    await t.settle();
  }
  const added = () =>
    t.sql<{ number: string; customer: string }>(
      `SELECT n.params->>'number' AS number, cu.external_id AS customer
         FROM notifications n JOIN customers cu ON cu.id = n.customer_id
        WHERE n.kind = 'contract_added' ORDER BY 1`,
    );

  it('tells only customers who existed before the file of their new contracts', async () => {
    // The first file: every customer and contract is new, and nobody is told.
    const first = generateContent({ customers: 3, seed: 11, idPrefix: 'first' });
    await importContent(first);
    expect(await t.sql('SELECT 1 FROM contracts')).toHaveLength(6);
    expect(await added()).toEqual([]);

    // A later file: a contract for a customer of the first file is news to them; a new
    // customer's first contracts are not.
    const later = generateContent({ customers: 1, seed: 12, idPrefix: 'first', firstCustomer: 3 });
    const known = first.customers[0]!;
    const extra = {
      ...first.contracts[0]!,
      externalId: 'first-k-extra',
      number: 'FIRST-EXTRA',
      customerExternalId: known.externalId,
    };
    await importContent({
      staff: [],
      customers: [known, ...later.customers],
      contracts: [extra, ...later.contracts],
      payments: [],
    });
    expect(await t.sql('SELECT 1 FROM contracts')).toHaveLength(9);
    expect(await added()).toEqual([{ number: 'FIRST-EXTRA', customer: known.externalId }]);

    // The new customer's next contract, in a file after theirs, is news to them.
    const next = { ...later.contracts[0]!, externalId: 'first-k-next', number: 'FIRST-NEXT' };
    await importContent({ staff: [], customers: later.customers, contracts: [next], payments: [] });
    expect(await added()).toEqual([
      { number: 'FIRST-EXTRA', customer: known.externalId },
      { number: 'FIRST-NEXT', customer: later.customers[0]!.externalId },
    ]);
  });
});

describe('without SMTP settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('marks e-mails skipped, saying why, and never "sent"', async () => {
    const result = await t.app.get(NotificationDeliveryService).deliverDue();
    expect(result.skipped).toBeGreaterThan(0);
    expect(result).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    const rows = await t.sql<{ status: string; last_error: string; sent_at: Date | null }>(
      `SELECT status, last_error, sent_at FROM notification_deliveries WHERE channel = 'email'`,
    );
    expect(rows.length).toBe(result.skipped);
    for (const r of rows) {
      expect(r).toEqual({
        status: 'skipped',
        last_error: 'E-mail is not set up (no SMTP_HOST): not sent',
        sent_at: null,
      });
    }
  });
});

describe('where notifications are made', () => {
  /** Every .ts file under `dir`. */
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return path.endsWith('.ts') ? [path] : [];
    });

  it('makes them only through NotificationsRepository.create, which plans their deliveries', () => {
    const src = join(__dirname, '../src');
    const helper = join(src, 'modules/notifications/notifications.repository.ts');
    const offenders = sources(src)
      .filter((f) => f !== helper && !f.includes('/database/migrations/'))
      .filter((f) => {
        const code = readFileSync(f, 'utf8');
        return (
          /insert\s+into\s+"?notifications"?[\s(]/i.test(code) ||
          /(getRepository|insert|save|create)\(\s*Notification\b/.test(code)
        );
      })
      .map((f) => relative(src, f));
    expect(offenders, 'create notifications with NotificationsRepository.create()').toEqual([]);
  });
});
