import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { primeCsrf, startTestApp, type TestApp } from './helpers';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  it('reports health with the database', async () => {
    const res = await t.client().api.GET('/api/health');
    expect(res.data).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers unknown API routes with a JSON problem', async () => {
    const res = await fetch(`${t.baseUrl}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
  });

  it('serves the SPA for deep links', async () => {
    const res = await fetch(`${t.baseUrl}/contracts/123`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Kabinet SPA');
  });

  it('answers 404 for a missing build asset instead of the SPA', async () => {
    const res = await fetch(`${t.baseUrl}/assets/index-gone123.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends security headers and a request id', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the limit with 413', async () => {
    const c = t.client();
    await primeCsrf(c);
    const res = await c.post('/api/auth/otp/request', { phone: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('refuses broken JSON with a problem, and unknown fields', async () => {
    const c = t.client();
    await primeCsrf(c);
    const broken = await c.post('/api/auth/otp/request', '{"phone":');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    const extra = await c.post('/api/auth/otp/request', { phone: '+79123456789', admin: true });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { fields: Array<{ path: string }> }).fields[0]!.path).toBe(
      'admin',
    );
  });

  it('documents the API at /api/docs', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { info: { title: string } }).info.title).toBe('Kabinet API');
  });
});

describe('behind a reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it('limits per client address from X-Forwarded-For, not per proxy', async () => {
    const c = t.client();
    await primeCsrf(c);
    const ask = (ip: string, i: number) =>
      c.post(
        '/api/auth/otp/request',
        { phone: `+7999111${String(i).padStart(4, '0')}` },
        { 'x-forwarded-for': ip },
      );
    for (let i = 0; i < 10; i++) expect((await ask('203.0.113.7', i)).status).toBe(202);
    expect((await ask('203.0.113.7', 10)).status).toBe(429);
    expect((await ask('198.51.100.9', 11)).status).toBe(202);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        SMS_PROVIDER: 'smsru',
        SMSRU_API_ID: 'test',
        SMSRU_BASE_URL: 'http://127.0.0.1:1',
      },
    });
  });
  afterAll(() => t.close());

  it('has no dev outbox', async () => {
    const res = await fetch(`${t.baseUrl}/api/dev/outbox`);
    expect(res.status).toBe(404);
  });

  it('uses __Host- cookies that are Secure', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    const csrf = res.headers.getSetCookie().find((c) => c.startsWith('__Host-kabinet_csrf='));
    expect(csrf).toMatch(/; Secure/);
    expect(csrf).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/Domain=/i);
  });

  it('answers a code request even when the SMS gateway is down', async () => {
    const c = t.client();
    await primeCsrf(c);
    const res = await c.post('/api/auth/otp/request', { phone: '+79123456789' });
    expect(res.status).toBe(202);
  });
});
