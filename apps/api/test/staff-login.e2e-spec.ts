import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationDeliveryService } from '../src/modules/notifications/delivery.service';
import { primeCsrf, startTestApp, type TestApp, type TestClient } from './helpers';
import { startSmtp, type TestSmtp } from './smtp';

/**
 * The staff login lockout (login-throttle.ts): per login and address, with a slowing of new
 * addresses when a login fails from many; unknown logins answered exactly like real ones; the
 * staff member and the admins told by e-mail, and the audit log written.
 */
describe('staff login lockout', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let c: TestClient;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      env: {
        // Requests come "through a proxy" from 127.0.0.1: X-Forwarded-For is the client address.
        TRUST_PROXY: '127.0.0.1',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'Кабинет <noreply@granit-master.example>',
        PUBLIC_URL: 'https://lk.granit-master.example',
      },
    });
    await t.sql(
      `UPDATE staff_users SET email = 'admin@granit-master.example' WHERE login = 'admin'`,
    );
    c = t.client();
    await primeCsrf(c);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.cleanup();
  });

  /** One login attempt from `ip`: its status and body (without the request id). */
  async function attempt(login: string, password: string, ip: string) {
    const res = await c.post(
      '/api/auth/staff/login',
      { login, password },
      { 'x-forwarded-for': ip },
    );
    const body = (await res.json()) as Record<string, unknown>;
    delete body.requestId;
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: res.status === 200 ? { login: body.login } : body,
    };
  }

  const idOf = async (login: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM staff_users WHERE login = $1', [login]))[0]!.id;

  it('answers an unknown login exactly like a real one, lockout included', async () => {
    const run = async (login: string, ip: string) => {
      const out = [];
      for (let i = 0; i < 7; i++) out.push(await attempt(login, 'wrong-password', ip));
      return out;
    };
    const real = await run('belov', '203.0.113.1');
    const unknown = await run('nobody-here', '203.0.113.2');
    expect(unknown).toEqual(real);
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(real[4]!.body).toMatchObject({ code: 'account_locked', retryAfterSeconds: 60 });
    expect(real[4]!.retryAfter).toBe('60');
    expect(real[0]!.body).toMatchObject({ code: 'invalid_credentials' });
  });

  it('an address locked out of the head’s login does not lock the head out', async () => {
    const volkova = await idOf('volkova');
    for (let i = 0; i < 5; i++) await attempt('volkova', 'guess-' + i, '203.0.113.10');
    // That address may not even try the right password now…
    const fromAttacker = await attempt('volkova', 'kabinet-demo', '203.0.113.10');
    expect(fromAttacker.status).toBe(429);
    expect(fromAttacker.body).toMatchObject({ code: 'account_locked' });
    // …but the head, from her own address, logs in.
    const fromHead = await attempt('volkova', 'kabinet-demo', '198.51.100.20');
    expect(fromHead).toMatchObject({ status: 200, body: { login: 'volkova' } });

    // The audit log says who was attacked, from where, with no actor.
    await vi.waitFor(async () => {
      const rows = await t.sql<{ actor_id: string | null; details: Record<string, unknown> }>(
        `SELECT actor_id, details FROM audit_log
          WHERE action = 'staff.login.locked' AND subject_type = 'staff_user' AND subject_id = $1`,
        [volkova],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actor_id).toBeNull();
      expect(rows[0]!.details).toMatchObject({ login: 'volkova', ip: '203.0.113.10', failures: 5 });
    });

    // She and the admin get an e-mail through the notification outbox.
    const notices = () =>
      t.sql(`SELECT 1 FROM staff_notices WHERE params ->> 'subjectId' = $1`, [volkova]);
    await vi.waitFor(async () => expect(await notices()).toHaveLength(2));
    await smtp.clear();
    await t.app.get(NotificationDeliveryService).deliverDue();
    const mail = await smtp.messages();
    await smtp.clear();
    const to = (address: string) =>
      mail.find((m) => m.envelopeTo.includes(address) && m.subject?.includes('volkova'))!;
    const own = to('volkova@granit-master.example');
    expect(own.subject).toBe('Попытки войти под вашим логином «volkova»');
    expect(own.text).toContain('Здравствуйте, Волкова');
    expect(own.text).toContain('203.0.113.10');
    expect(own.text).toContain('с других адресов вход работает как обычно');
    const admin = to('admin@granit-master.example');
    expect(admin.subject).toBe('Попытки войти под логином «volkova»');
    expect(admin.text).toContain('Волкова');

    // Another address locked within the hour: written down, but nobody is mailed again.
    for (let i = 0; i < 5; i++) await attempt('volkova', 'guess-' + i, '203.0.113.11');
    await vi.waitFor(async () => {
      const rows = await t.sql(
        `SELECT 1 FROM audit_log WHERE action = 'staff.login.locked' AND subject_id = $1`,
        [volkova],
      );
      expect(rows).toHaveLength(2);
    });
    expect(await notices()).toHaveLength(2);
    // An hour later, yes.
    t.clock.advance(61 * 60_000);
    for (let i = 0; i < 5; i++) await attempt('volkova', 'guess-' + i, '203.0.113.12');
    await vi.waitFor(async () => expect(await notices()).toHaveLength(4));
  });

  it('tells no one about an unknown login', async () => {
    const before = await t.sql('SELECT 1 FROM audit_log');
    for (let i = 0; i < 6; i++) await attempt('ghost-admin', 'guess', '203.0.113.30');
    // Its count is kept like any login's.
    const rows = await t.sql<{ failures: number }>(
      `SELECT failures FROM staff_login_throttles WHERE login = 'ghost-admin' AND source = '203.0.113.30'`,
    );
    expect(rows[0]!.failures).toBe(5);
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.sql('SELECT 1 FROM audit_log')).toHaveLength(before.length);
  });

  it('slows guessing from many addresses, but not the staff member from an address they use', async () => {
    // Orlov logs in from his office as usual.
    expect((await attempt('orlov', 'kabinet-demo', '192.0.2.50')).status).toBe(200);
    // Ten wrong passwords, each from a different address: no address is locked…
    for (let i = 1; i <= 10; i++) {
      expect((await attempt('orlov', `guess-${i}`, `203.0.113.${100 + i}`)).status).toBe(401);
    }
    // …but the login is now slowed for addresses that never logged in to it.
    const next = await attempt('orlov', 'guess-11', '203.0.113.111');
    expect(next.status).toBe(429);
    expect(next.body).toMatchObject({ code: 'account_locked', retryAfterSeconds: 1 });
    // Orlov from his office is not slowed.
    expect((await attempt('orlov', 'kabinet-demo', '192.0.2.50')).status).toBe(200);
    // A new address gets a try a second later, and the wait doubles with each failure.
    t.clock.advance(1000);
    expect((await attempt('orlov', 'guess-12', '203.0.113.112')).status).toBe(401);
    const slower = await attempt('orlov', 'guess-13', '203.0.113.113');
    expect(slower.body).toMatchObject({ code: 'account_locked', retryAfterSeconds: 2 });
    // Slowed, not blocked: from a new address (a hotel) the right password works after the wait.
    t.clock.advance(2000);
    expect((await attempt('orlov', 'kabinet-demo', '198.51.100.77')).status).toBe(200);
    // The slowing is written to the audit log.
    await vi.waitFor(async () => {
      const rows = await t.sql(
        `SELECT 1 FROM audit_log WHERE action = 'staff.login.slowed' AND subject_id = $1`,
        [await idOf('orlov')],
      );
      expect(rows).toHaveLength(1);
    });
  });

  it('a new password lifts every lockout of the login', async () => {
    for (let i = 0; i < 5; i++) await attempt('sokolova', 'guess', '203.0.113.40');
    expect((await attempt('sokolova', 'kabinet-demo', '203.0.113.40')).status).toBe(429);
    const { StaffService } = await import('../src/modules/staff/staff.service');
    await t.app.get(StaffService).upsertWithPassword({
      login: 'sokolova',
      password: 'a-brand-new-password',
      fullName: 'Соколова Анна Викторовна',
      role: 'manager',
    });
    expect((await attempt('sokolova', 'a-brand-new-password', '203.0.113.40')).status).toBe(200);
  });
});
