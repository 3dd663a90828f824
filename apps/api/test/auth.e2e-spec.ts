import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OTP, permissionsOf } from '@kabinet/shared';
import {
  takeCode,
  loginCustomer,
  loginStaff,
  primeCsrf,
  startTestApp,
  type TestApp,
} from './helpers';

const IVANOVA = '+79123456789';
const UNKNOWN = '+79990001122';

describe('customer login by SMS code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    // Each test starts a fresh 10-minute window.
    t.clock.advance(OTP.sendWindowSeconds * 1000 + 1000);
    await t.sql('DELETE FROM otp_challenges');
    await t.sql('DELETE FROM dev_outbox_messages');
  });

  it.each(['8 (912) 345-67-89', '+7 912 345 6789', '79123456789'])(
    'logs in with the phone written as %s',
    async (written) => {
      const c = t.client();
      await primeCsrf(c);
      const sent = await c.api.POST('/api/auth/otp/request', { body: { phone: written } });
      expect(sent.response.status).toBe(202);
      expect(sent.data).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
      const code = await takeCode(t, IVANOVA);
      const res = await c.api.POST('/api/auth/otp/verify', { body: { phone: written, code } });
      expect(res.response.status).toBe(200);
      expect(res.data).toMatchObject({ kind: 'customer', role: 'customer', phone: IVANOVA });
      const me = await c.api.GET('/api/me');
      expect(me.data?.fullName).toBe('Иванова Мария Петровна');
      expect(me.data?.bonusBalance).toBe('1500.00');
      expect(me.data?.permissions).toEqual(permissionsOf('customer'));
    },
  );

  it('answers an unknown phone exactly like a known one and sends nothing', async () => {
    const c = t.client();
    await primeCsrf(c);
    const known = await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const unknown = await c.api.POST('/api/auth/otp/request', { body: { phone: UNKNOWN } });
    expect(unknown.response.status).toBe(known.response.status);
    expect(unknown.data).toEqual(known.data);
    await takeCode(t, IVANOVA); // the known phone's SMS has gone out by now
    const sent = await t.sql('SELECT 1 FROM dev_outbox_messages WHERE phone = $1', [UNKNOWN]);
    expect(sent).toHaveLength(0);
    // A guessed code for the unknown phone fails the same way a wrong code does.
    const guess = await c.api.POST('/api/auth/otp/verify', {
      body: { phone: UNKNOWN, code: '000000' },
    });
    const wrong = await c.api.POST('/api/auth/otp/verify', {
      body: { phone: IVANOVA, code: '000000' },
    });
    expect(guess.response.status).toBe(401);
    expect(guess.error?.code).toBe('otp_invalid');
    expect(wrong.error?.code).toBe('otp_invalid');
  });

  it('refuses a malformed phone with a field message', async () => {
    const c = t.client();
    await primeCsrf(c);
    const res = await c.api.POST('/api/auth/otp/request', { body: { phone: '12-34-56' } });
    expect(res.response.status).toBe(400);
    expect(res.response.headers.get('content-type')).toContain('application/problem+json');
    expect(res.error?.code).toBe('validation_failed');
    expect(res.error?.fields?.[0]?.path).toBe('phone');
  });

  it('stores the code hashed, never in clear', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const code = await takeCode(t, IVANOVA);
    const rows = await t.sql<{ code_hash: string }>(
      'SELECT code_hash FROM otp_challenges WHERE phone = $1',
      [IVANOVA],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('accepts a code for 5 minutes only', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const code = await takeCode(t, IVANOVA);
    t.clock.advance(OTP.ttlSeconds * 1000 + 1);
    const res = await c.api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } });
    expect(res.response.status).toBe(401);
    expect(res.error?.code).toBe('otp_invalid');
  });

  it('accepts a code once', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const code = await takeCode(t, IVANOVA);
    expect(
      (await c.api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } })).response
        .status,
    ).toBe(200);
    const again = await t
      .client()
      .api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } });
    expect(again.response.status).toBe(403); // a fresh client has no CSRF cookie yet
    const other = t.client();
    await primeCsrf(other);
    const replay = await other.api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } });
    expect(replay.error?.code).toBe('otp_invalid');
  });

  it('burns the code after 5 wrong tries, even for the right code afterwards', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const code = await takeCode(t, IVANOVA);
    const wrong = code === '111111' ? '222222' : '111111';
    const codes: string[] = [];
    const left: Array<number | undefined> = [];
    for (let i = 0; i < OTP.maxAttempts; i++) {
      const res = await c.api.POST('/api/auth/otp/verify', {
        body: { phone: IVANOVA, code: wrong },
      });
      codes.push(res.error!.code);
      left.push(res.error!.attemptsLeft);
    }
    expect(codes).toEqual([
      'otp_invalid',
      'otp_invalid',
      'otp_invalid',
      'otp_invalid',
      'otp_attempts_exceeded',
    ]);
    // Each wrong try says how many are left; after the last, none.
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await c.api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } });
    expect(right.response.status).toBe(401);
  });

  it('a new code replaces the previous one', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const first = await takeCode(t, IVANOVA);
    t.clock.advance(OTP.resendAfterSeconds * 1000);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const second = await takeCode(t, IVANOVA);
    if (first !== second) {
      const old = await c.api.POST('/api/auth/otp/verify', {
        body: { phone: IVANOVA, code: first },
      });
      expect(old.error?.code).toBe('otp_invalid');
    }
    const res = await c.api.POST('/api/auth/otp/verify', {
      body: { phone: IVANOVA, code: second },
    });
    expect(res.response.status).toBe(200);
  });

  it.each([IVANOVA, UNKNOWN])('sends at most 3 codes per 10 minutes to %s', async (phone) => {
    const c = t.client();
    await primeCsrf(c);
    for (let i = 0; i < OTP.maxSendsPerWindow; i++) {
      const ok = await c.api.POST('/api/auth/otp/request', { body: { phone } });
      expect(ok.response.status).toBe(202);
      t.clock.advance(60_000);
    }
    const limited = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(limited.response.status).toBe(429);
    expect(limited.error?.code).toBe('otp_send_limit');
    expect(limited.error?.retryAfterSeconds).toBe(7 * 60);
    expect(limited.response.headers.get('retry-after')).toBe('420');
    t.clock.advance(7 * 60 * 1000 + 1000);
    const again = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(again.response.status).toBe(202);
  });

  it.each([IVANOVA, UNKNOWN])('keeps the announced spacing between codes to %s', async (phone) => {
    const c = t.client();
    await primeCsrf(c);
    const first = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(first.response.status).toBe(202);
    const wait = first.data!.resendAfterSeconds;
    expect(wait).toBe(OTP.resendAfterSeconds);
    // Asking again at once, and a second before the announced time: refused, with the wait.
    const soon = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(soon.response.status).toBe(429);
    expect(soon.response.headers.get('content-type')).toContain('application/problem+json');
    expect(soon.error?.code).toBe('otp_resend_too_soon');
    expect(soon.error?.retryAfterSeconds).toBe(wait);
    expect(soon.response.headers.get('retry-after')).toBe(String(wait));
    t.clock.advance((wait - 1) * 1000);
    const almost = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(almost.error?.code).toBe('otp_resend_too_soon');
    expect(almost.error?.retryAfterSeconds).toBe(1);
    // Refused requests are not sends: only one challenge exists, and at most one SMS went out.
    expect(await t.sql('SELECT 1 FROM otp_challenges WHERE phone = $1', [phone])).toHaveLength(1);
    t.clock.advance(1000);
    const later = await c.api.POST('/api/auth/otp/request', { body: { phone } });
    expect(later.response.status).toBe(202);
  });

  it('answers three requests within a second with one code and two waits', async () => {
    const c = t.client();
    await primeCsrf(c);
    const answers = await Promise.all(
      [IVANOVA, IVANOVA, IVANOVA].map((phone) =>
        c.api.POST('/api/auth/otp/request', { body: { phone } }),
      ),
    );
    expect(answers.map((a) => a.response.status).sort()).toEqual([202, 429, 429]);
    await takeCode(t, IVANOVA);
    const sms = await t.sql('SELECT 1 FROM dev_outbox_messages WHERE phone = $1', [IVANOVA]);
    expect(sms).toHaveLength(0); // takeCode took the only one
  });

  it('answers the spacing the same for known and unknown phones', async () => {
    const c = t.client();
    await primeCsrf(c);
    for (const phone of [IVANOVA, UNKNOWN]) {
      await c.api.POST('/api/auth/otp/request', { body: { phone } });
    }
    t.clock.advance(15_000);
    const known = await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    const unknown = await c.api.POST('/api/auth/otp/request', { body: { phone: UNKNOWN } });
    const strip = (p: unknown) => ({ ...(p as object), requestId: undefined });
    expect(strip(unknown.error)).toEqual(strip(known.error));
    expect(known.error?.retryAfterSeconds).toBe(45);
  });

  it('tells how many tries a code has left, the same for known and unknown phones', async () => {
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } });
    await c.api.POST('/api/auth/otp/request', { body: { phone: UNKNOWN } });
    const code = await takeCode(t, IVANOVA);
    const wrong = code === '111111' ? '222222' : '111111';
    for (const expected of [4, 3]) {
      const known = await c.api.POST('/api/auth/otp/verify', {
        body: { phone: IVANOVA, code: wrong },
      });
      const unknown = await c.api.POST('/api/auth/otp/verify', {
        body: { phone: UNKNOWN, code: wrong },
      });
      const strip = (p: unknown) => ({ ...(p as object), requestId: undefined });
      expect(known.error).toMatchObject({ code: 'otp_invalid', attemptsLeft: expected });
      expect(strip(unknown.error)).toEqual(strip(known.error));
    }
    // No code at all (never asked, or expired): nothing left to try, ask for a new one.
    const never = await c.api.POST('/api/auth/otp/verify', {
      body: { phone: '+79990003344', code: wrong },
    });
    expect(never.error).toMatchObject({ code: 'otp_invalid', attemptsLeft: 0 });
    t.clock.advance(OTP.ttlSeconds * 1000 + 1);
    const expired = await c.api.POST('/api/auth/otp/verify', { body: { phone: IVANOVA, code } });
    expect(expired.error).toMatchObject({ code: 'otp_invalid', attemptsLeft: 0 });
  });
});

describe('staff login by password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in case-insensitively and tells who it is', async () => {
    const c = await loginStaff(t, 'SoKoLoVa');
    const me = await c.api.GET('/api/me');
    expect(me.data).toMatchObject({
      kind: 'staff',
      role: 'manager',
      login: 'sokolova',
      bonusBalance: null,
    });
  });

  it('answers a wrong password and an unknown login the same way', async () => {
    const c = t.client();
    await primeCsrf(c);
    const wrong = await c.api.POST('/api/auth/staff/login', {
      body: { login: 'orlov', password: 'nope-nope' },
    });
    const unknown = await c.api.POST('/api/auth/staff/login', {
      body: { login: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.error?.code).toBe('invalid_credentials');
    expect(unknown.error?.code).toBe('invalid_credentials');
  });

  it('refuses an empty body with field messages', async () => {
    const c = t.client();
    await primeCsrf(c);
    const res = await c.api.POST('/api/auth/staff/login', { body: {} as never });
    expect(res.response.status).toBe(400);
    expect([...new Set(res.error?.fields?.map((f) => f.path))].sort()).toEqual([
      'login',
      'password',
    ]);
  });

  it('locks the login from that address after 5 failures, longer after each further failure', async () => {
    const c = t.client();
    await primeCsrf(c);
    const attempt = (password: string) =>
      c.api.POST('/api/auth/staff/login', { body: { login: 'belov', password } });
    for (let i = 0; i < 4; i++)
      expect((await attempt('wrong-password')).error?.code).toBe('invalid_credentials');
    const fifth = await attempt('wrong-password');
    expect(fifth.error?.code).toBe('account_locked');
    expect(fifth.error?.retryAfterSeconds).toBe(60);
    // Locked: even the right password is refused.
    expect((await attempt('kabinet-demo')).error?.code).toBe('account_locked');
    t.clock.advance(61_000);
    const sixth = await attempt('wrong-password');
    expect(sixth.error?.retryAfterSeconds).toBe(120);
    t.clock.advance(121_000);
    expect((await attempt('kabinet-demo')).response.status).toBe(200);
    // Success resets the counter.
    expect((await attempt('wrong-password')).error?.code).toBe('invalid_credentials');
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sets an HttpOnly SameSite session cookie and keeps only its hash', async () => {
    const c = t.client();
    await primeCsrf(c);
    const res = await c.api.POST('/api/auth/staff/login', {
      body: { login: 'admin', password: 'kabinet-demo' },
    });
    const setCookie = res.response.headers
      .getSetCookie()
      .find((l) => l.startsWith('kabinet_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = c.cookies.get('kabinet_session')!;
    const rows = await t.sql<{ id: string }>('SELECT id FROM sessions');
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('a session is dead after logout, even replayed', async () => {
    const c = await loginCustomer(t, IVANOVA);
    const token = c.cookies.get('kabinet_session')!;
    expect((await c.api.GET('/api/me')).response.status).toBe(200);
    expect((await c.api.POST('/api/auth/logout')).response.status).toBe(204);
    expect((await c.api.GET('/api/me')).response.status).toBe(401);
    const replay = t.client();
    replay.cookies.set('kabinet_session', token);
    const res = await replay.api.GET('/api/me');
    expect(res.response.status).toBe(401);
    expect(res.error?.code).toBe('unauthenticated');
  });

  it('rotates the session at login', async () => {
    const c = await loginStaff(t, 'orlov');
    const first = c.cookies.get('kabinet_session')!;
    await c.api.POST('/api/auth/staff/login', {
      body: { login: 'orlov', password: 'kabinet-demo' },
    });
    const second = c.cookies.get('kabinet_session')!;
    expect(second).not.toBe(first);
    const old = t.client();
    old.cookies.set('kabinet_session', first);
    expect((await old.api.GET('/api/me')).response.status).toBe(401);
  });

  it('ends sessions when they expire', async () => {
    const c = await loginStaff(t, 'volkova');
    t.clock.advance(31 * 24 * 3600 * 1000);
    expect((await c.api.GET('/api/me')).response.status).toBe(401);
  });

  it('refuses state-changing requests without the CSRF header', async () => {
    const c = await loginStaff(t, 'admin');
    const res = await c.fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
    expect((await c.api.GET('/api/me')).response.status).toBe(200);
  });
});

describe('per-IP rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it('limits code requests per IP, whatever the phone', async () => {
    const c = t.client();
    await primeCsrf(c);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const phone = `+7999000${String(i).padStart(4, '0')}`;
      statuses.push(
        (await c.api.POST('/api/auth/otp/request', { body: { phone } })).response.status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('deletes expired sessions and old code requests, keeps live ones', async () => {
    const { AuthHousekeepingService } = await import('../src/modules/auth/housekeeping.service');
    const old = await loginStaff(t, 'orlov');
    t.clock.advance(29 * 24 * 3600 * 1000);
    const fresh = await loginCustomer(t, IVANOVA);
    t.clock.advance(2 * 24 * 3600 * 1000); // orlov's session has expired, Ivanova's has not
    const removed = await t.app.get(AuthHousekeepingService).run();
    expect(removed.sessions).toBe(1);
    expect(removed.otp).toBe(1);
    expect((await fresh.api.GET('/api/me')).response.status).toBe(200);
    expect((await old.api.GET('/api/me')).response.status).toBe(401);
    expect(await t.sql('SELECT 1 FROM sessions')).toHaveLength(1);
  });
});
