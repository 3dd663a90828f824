import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentNoticesService } from '../src/modules/notifications/payment-notices.service';
import { loginCustomer, startTestApp, type TestApp } from './helpers';

const KUZNETSOVA = '+79161234567';

interface Notice {
  number: string;
  kind: string;
  params: Record<string, string>;
  channels: string[] | null;
}

/**
 * The demo company on the manual clock (Moscow time). Its schedules: ГМ-000101 (Иванова) owes
 * 37 125 ₽ since 2026-11-01 and 37 125 ₽ on 2027-05-20; РМ-000017 (Смирнов) 116 000 ₽ since
 * 2026-11-15, then 316 000 ₽ on 2027-01-15; ГМ-000112 (Кузнецова, no e-mail) 48 100 ₽ on
 * 2026-11-30.
 */
describe('payment reminders and overdue notices', () => {
  let t: TestApp;
  const raise = () => t.app.get(PaymentNoticesService).raiseDue();
  /** The payment notices made so far, oldest first, with the channels they go out on. */
  const notices = () =>
    t.sql<Notice>(
      `SELECT c.number, n.kind, n.params,
              (SELECT array_agg(d.channel::text ORDER BY d.channel) FROM notification_deliveries d
                WHERE d.notification_id = n.id) AS channels
         FROM notifications n JOIN contracts c ON c.id = n.contract_id
        WHERE n.kind IN ('payment_reminder', 'payment_overdue')
        ORDER BY n.created_at, c.number`,
    );
  const at = (iso: string) => t.clock.set(new Date(iso));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('tells about a payment that became overdue lately, not about old debts, by e-mail and SMS', async () => {
    at('2026-11-20T09:00:00Z');
    expect(await raise()).toEqual({ today: '2026-11-20', payment_reminder: 0, payment_overdue: 1 });
    // ГМ-000101 has been overdue since 2026-11-01: 19 days, older than PAYMENT_OVERDUE_NOTICE_DAYS.
    expect(await notices()).toEqual([
      {
        number: 'РМ-000017',
        kind: 'payment_overdue',
        params: {
          number: 'РМ-000017',
          amount: '116000.00',
          currency: 'RUB',
          dueDate: '2026-11-15',
        },
        channels: ['email', 'sms'],
      },
    ]);
    // The ledger makes it once, however often the job runs.
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
    at('2026-11-21T09:00:00Z');
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
    expect(await notices()).toHaveLength(1);
  });

  it('reminds PAYMENT_REMINDER_DAYS before the date, once, on the channels the customer chose', async () => {
    const kuznetsova = await loginCustomer(t, KUZNETSOVA);
    await kuznetsova.api.PUT('/api/profile/notification-settings', {
      body: { items: [{ kind: 'payment_reminder', channel: 'sms', enabled: false }] },
    });
    at('2026-11-26T09:00:00Z'); // 4 days before 2026-11-30
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
    at('2026-11-27T09:00:00Z'); // 3 days before
    // Two runs at once (two replicas): one reminder.
    const [a, b] = await Promise.all([raise(), raise()]);
    expect(a.payment_reminder + b.payment_reminder).toBe(1);
    const reminder = (await notices()).at(-1)!;
    expect(reminder).toEqual({
      number: 'ГМ-000112',
      kind: 'payment_reminder',
      params: { number: 'ГМ-000112', amount: '48100.00', currency: 'RUB', dueDate: '2026-11-30' },
      // No e-mail in 1C and SMS turned off: the cabinet shows it, nothing is sent.
      channels: null,
    });
    const list = await kuznetsova.api.GET('/api/notifications');
    expect(list.data!.items[0]).toMatchObject({ kind: 'payment_reminder', read: false });
    at('2026-11-28T09:00:00Z');
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
  });

  it('counts the days in the company’s time zone', async () => {
    at('2026-11-30T20:59:00Z'); // 23:59 on 30 November in Moscow: due today, not overdue yet
    expect(await raise()).toMatchObject({ today: '2026-11-30', payment_overdue: 0 });
    at('2026-11-30T21:01:00Z'); // 00:01 on 1 December in Moscow (still 30 November in UTC)
    expect(await raise()).toMatchObject({ today: '2026-12-01', payment_overdue: 1 });
    expect((await notices()).at(-1)).toMatchObject({
      number: 'ГМ-000112',
      kind: 'payment_overdue',
      params: { amount: '48100.00', dueDate: '2026-11-30' },
      channels: ['sms'],
    });
  });

  it('says nothing of what is paid, and nothing on closed or archived contracts', async () => {
    const count = async () => (await notices()).length;
    const before = await count();
    // Смирнов pays the overdue 116 000 ₽ and the 316 000 ₽ due on 2027-01-15 in advance.
    await t.sql(
      `WITH p AS (
         INSERT INTO contract_payments (external_id, contract_id, number, date, amount)
         SELECT 'test-pay-1', id, 'ПКО-T1', '2026-12-20', 432000 FROM contracts
          WHERE number = 'РМ-000017' RETURNING contract_id, amount)
       UPDATE contracts c SET paid = c.paid + p.amount FROM p WHERE c.id = p.contract_id`,
    );
    at('2027-01-13T09:00:00Z');
    expect(await raise()).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
    // Partly paid: the reminder says what is left.
    await t.sql(`UPDATE contracts SET paid = paid - 16000 WHERE number = 'РМ-000017'`);
    expect(await raise()).toMatchObject({ payment_reminder: 1 });
    expect((await notices()).at(-1)).toMatchObject({
      number: 'РМ-000017',
      kind: 'payment_reminder',
      params: { amount: '16000.00', dueDate: '2027-01-15' },
    });
    // ГМ-000101's last payment (2027-05-20): closed, archived, or of an archived customer.
    at('2027-05-18T09:00:00Z');
    for (const [make, undo] of [
      [
        `UPDATE contracts SET closed = true WHERE number = 'ГМ-000101'`,
        `UPDATE contracts SET closed = false WHERE number = 'ГМ-000101'`,
      ],
      [
        `UPDATE contracts SET archived_at = now() WHERE number = 'ГМ-000101'`,
        `UPDATE contracts SET archived_at = NULL WHERE number = 'ГМ-000101'`,
      ],
      [
        `UPDATE customers SET archived_at = now() WHERE phone = '+79123456789'`,
        `UPDATE customers SET archived_at = NULL WHERE phone = '+79123456789'`,
      ],
    ] as const) {
      await t.sql(make);
      expect(await raise(), make).toMatchObject({ payment_reminder: 0, payment_overdue: 0 });
      await t.sql(undo);
    }
    expect(await count()).toBe(before + 1);
    expect(await raise()).toMatchObject({ payment_reminder: 1, payment_overdue: 0 });
    expect((await notices()).at(-1)).toMatchObject({
      number: 'ГМ-000101',
      kind: 'payment_reminder',
      params: { amount: '37125.00', dueDate: '2027-05-20' },
    });
    // РМ-000017's 2027-02-28 payment is months overdue by now: too old to be news.
    expect((await notices()).filter((n) => n.params.dueDate === '2027-02-28')).toEqual([]);
  });

  it('sends no reminders with PAYMENT_REMINDER_DAYS=0, and older news with a longer window', async () => {
    const other = await startTestApp({
      env: { PAYMENT_REMINDER_DAYS: '0', PAYMENT_OVERDUE_NOTICE_DAYS: '14' },
    });
    try {
      // ГМ-000112 is due in 2 days; РМ-000017 has been overdue for 13.
      other.clock.set(new Date('2026-11-28T09:00:00Z'));
      const result = await other.app.get(PaymentNoticesService).raiseDue();
      expect(result).toMatchObject({ payment_reminder: 0, payment_overdue: 1 });
    } finally {
      await other.close();
    }
  });
});
