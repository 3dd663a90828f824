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

  it('reads TRUST_PROXY as a flag, a hop count or proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('rejects malformed values', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ SMS_PROVIDER: 'smsru' })).toThrow(/SMSRU_API_ID/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
