import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      cookieSecure: false,
      devOutboxEnabled: true,
    });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sms).toEqual({ provider: 'dev' });
  });

  it('refuses production without a secret and a real SMS provider, naming each variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', SMS_PROVIDER: 'dev' });
    } catch (e) {
      expect((e as Error).message).toContain('APP_SECRET');
      expect((e as Error).message).toContain('SMS_PROVIDER');
    }
  });

  it('makes cookies secure and hides the dev outbox in production', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(32),
      SMS_PROVIDER: 'smsru',
      SMSRU_API_ID: 'key',
    });
    expect(c.cookieSecure).toBe(true);
    expect(c.devOutboxEnabled).toBe(false);
    expect(c.sms).toMatchObject({ provider: 'smsru', apiId: 'key' });
  });

  it('reads the payment notices: reminder days (0 turns them off), the overdue window, the schedule', () => {
    expect(loadConfig({}).paymentNotices).toEqual({
      schedule: true,
      cron: '0 10-19 * * *',
      reminderDays: 3,
      overdueDays: 7,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).paymentNotices.schedule).toBe(false);
    expect(
      loadConfig({ PAYMENT_REMINDER_DAYS: '0', PAYMENT_OVERDUE_NOTICE_DAYS: '30' }).paymentNotices,
    ).toMatchObject({ reminderDays: 0, overdueDays: 30 });
    for (const [name, value] of [
      ['PAYMENT_REMINDER_DAYS', '-1'],
      ['PAYMENT_REMINDER_DAYS', '2.5'],
      ['PAYMENT_REMINDER_DAYS', 'три'],
      ['PAYMENT_REMINDER_DAYS', '61'],
      ['PAYMENT_OVERDUE_NOTICE_DAYS', '0'],
      ['PAYMENT_NOTICE_SCHEDULE', 'maybe'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(
        new RegExp(`${name}: `),
      );
    }
  });

  it('reads TRUST_PROXY as a flag, a hop count or proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('sets up SMTP only with a host and a From address, TLS by default on port 465', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(() => loadConfig({ SMTP_HOST: 'smtp.example.ru' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_FROM: 'a@example.ru' })).toThrow(/SMTP_HOST/);
    expect(() =>
      loadConfig({ SMTP_HOST: 'smtp.example.ru', SMTP_FROM: 'a@example.ru', SMTP_USER: 'u' }),
    ).toThrow(/SMTP_PASSWORD/);
    expect(
      loadConfig({
        SMTP_HOST: 'smtp.example.ru',
        SMTP_FROM: 'Гранит <a@example.ru>',
        SMTP_USER: 'u',
        SMTP_PASSWORD: 'p',
      }).mail,
    ).toEqual({
      host: 'smtp.example.ru',
      port: 587,
      secure: false,
      user: 'u',
      password: 'p',
      from: 'Гранит <a@example.ru>',
    });
    expect(
      loadConfig({ SMTP_HOST: 'h', SMTP_FROM: 'a@example.ru', SMTP_PORT: '465' }).mail,
    ).toMatchObject({ port: 465, secure: true });
  });

  it('delivers notifications on a schedule outside tests, links to PUBLIC_URL', () => {
    expect(loadConfig({}).delivery).toEqual({
      schedule: true,
      pollCron: '* * * * *',
      maxAttempts: 10,
      retryBaseMs: 60_000,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).delivery.schedule).toBe(false);
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PUBLIC_URL: 'https://lk.example.ru/' }).publicUrl).toBe(
      'https://lk.example.ru',
    );
  });

  it('shows only the company contacts that are configured, with no made-up defaults', () => {
    const none = {
      name: null,
      description: null,
      phones: [],
      email: null,
      address: null,
      hours: null,
    };
    expect(loadConfig({}).company).toEqual(none);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        APP_SECRET: 'x'.repeat(32),
        SMS_PROVIDER: 'smsru',
        SMSRU_API_ID: 'key',
      }).company,
    ).toEqual(none);
    expect(
      loadConfig({
        COMPANY_NAME: ' Гранит-Мастер ',
        COMPANY_DESCRIPTION: 'Памятники и ремонт',
        COMPANY_PHONE: '8 (495) 120-10-00; +7 912 000-11-22, +74951201000',
        COMPANY_EMAIL: 'info@granit-master.example',
        COMPANY_HOURS: 'Пн–Пт 9:00–19:00',
      }).company,
    ).toEqual({
      name: 'Гранит-Мастер',
      description: 'Памятники и ремонт',
      phones: ['+74951201000', '+79120001122'],
      email: 'info@granit-master.example',
      address: null,
      hours: 'Пн–Пт 9:00–19:00',
    });
    expect(() => loadConfig({ COMPANY_PHONE: '+7 495 120-10-00, 12345' })).toThrow(
      /COMPANY_PHONE: not a phone number: 12345/,
    );
    expect(() => loadConfig({ COMPANY_EMAIL: 'info' })).toThrow(/COMPANY_EMAIL/);
  });

  it('rejects malformed values', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ SMS_PROVIDER: 'smsru' })).toThrow(/SMSRU_API_ID/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('configures the 1C exchange: a local folder by default, SFTP with credentials, or off', () => {
    const local = loadConfig({ DATA_DIR: '/srv/kabinet' }).exchange;
    expect(local.source).toEqual({
      kind: 'local',
      inbox: '/srv/kabinet/exchange/inbox',
      outbox: '/srv/kabinet/exchange/outbox',
    });
    expect(local.schedule).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', APP_SECRET: 'x'.repeat(32) }).exchange.schedule).toBe(
      false,
    );
    expect(() => loadConfig({ EXCHANGE_SOURCE: 'sftp' })).toThrow(
      /SFTP_HOST[\s\S]*SFTP_USERNAME[\s\S]*SFTP_PASSWORD/,
    );
    const sftp = loadConfig({
      EXCHANGE_SOURCE: 'sftp',
      SFTP_HOST: 'files.example.ru',
      SFTP_USERNAME: 'kabinet',
      SFTP_PASSWORD: 'secret',
      SFTP_HOST_KEY_SHA256: '',
    }).exchange.source;
    expect(sftp).toMatchObject({
      kind: 'sftp',
      host: 'files.example.ru',
      port: 22,
      inbox: '/inbox',
    });
    expect(sftp).not.toHaveProperty('hostKeySha256');
    expect(() =>
      loadConfig({
        EXCHANGE_SOURCE: 'sftp',
        SFTP_HOST: 'h',
        SFTP_USERNAME: 'u',
        SFTP_PASSWORD: 'p',
        SFTP_HOST_KEY_SHA256: 'abc',
      }),
    ).toThrow(/SFTP_HOST_KEY_SHA256/);
    const off = loadConfig({ EXCHANGE_SOURCE: 'off' }).exchange;
    expect(off.source).toEqual({ kind: 'off' });
    expect(off.schedule).toBe(false);
  });
  it('keeps uploads under DATA_DIR/blobs by default, never inside the web root', () => {
    const storage = loadConfig({ DATA_DIR: '/srv/kabinet' }).storage;
    expect(storage).toMatchObject({ driver: 'local', dir: '/srv/kabinet/blobs' });
    expect(storage.tempDir).toMatch(/kabinet-uploads$/);
    expect(
      loadConfig({ STORAGE_DIR: '/mnt/files', STORAGE_TEMP_DIR: '/var/tmp/up' }).storage,
    ).toEqual({ driver: 'local', dir: '/mnt/files', tempDir: '/var/tmp/up' });
    expect(() => loadConfig({ WEB_DIST_DIR: '/srv/web', STORAGE_DIR: '/srv/web/files' })).toThrow(
      /STORAGE_DIR: .*outside the web root/,
    );
    expect(() => loadConfig({ WEB_DIST_DIR: '/srv/web', STORAGE_TEMP_DIR: '/srv/web' })).toThrow(
      /STORAGE_TEMP_DIR/,
    );
    expect(() => loadConfig({ STORAGE_DIR: '/srv', WEB_DIST_DIR: '/srv/web/dist' })).toThrow(
      /STORAGE_DIR/,
    );
    expect(
      loadConfig({ WEB_DIST_DIR: '/srv/web', STORAGE_DIR: '/srv/web-files' }).storage.dir,
    ).toBe('/srv/web-files');
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/STORAGE_DRIVER/);
  });
});
