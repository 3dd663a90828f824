import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';

/**
 * Bad input at the edge: whatever a client sends, the answer is a 4xx problem+json with a code,
 * never a 500 and never a framework's own JSON. (The fuzz test throws the whole spec at the API;
 * these are the cases found by hand, one assertion each.)
 */
describe('bad input at the edge', () => {
  let t: TestApp;
  let customer: TestClient;
  let admin: TestClient;
  let manager: TestClient;
  let csrf: (c: TestClient) => string;
  let contractId: string;

  beforeAll(async () => {
    t = await startTestApp();
    customer = await loginCustomer(t, '+79123456789');
    admin = await loginStaff(t, 'admin');
    manager = await loginStaff(t, 'sokolova');
    csrf = (c) => c.cookies.get('kabinet_csrf') ?? '';
    const [row] = await t.sql<{ id: string }>(
      `SELECT id FROM contracts WHERE number = 'ГМ-000101'`,
    );
    contractId = row!.id;
  });
  afterAll(() => t.close());

  async function problem(res: Response, status: number, code: string) {
    const text = await res.text();
    expect({ status: res.status, text, url: res.url }).toMatchObject({ status });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(text) as { status: number; code: string; fields?: unknown[] };
    expect(body).toMatchObject({ status, code });
    return body;
  }

  function send(c: TestClient, method: string, path: string, body?: string, type?: string) {
    return c.fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        'x-csrf-token': csrf(c),
        ...(type
          ? { 'content-type': type }
          : body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
      },
      body,
    });
  }

  describe('NUL characters (PostgreSQL refuses them) are refused with 400 wherever text comes in', () => {
    it.each([
      '/api/contracts?q=ab%00cd',
      '/api/contracts?status=%00',
      '/api/customers?q=%00%00%00',
      '/api/change-requests?status=%00',
    ])('in the query: %s', async (path) => {
      const body = await problem(await send(admin, 'GET', path), 400, 'validation_failed');
      expect(JSON.stringify(body.fields)).toMatch(/NUL/);
    });

    it('in a path parameter', async () => {
      await problem(await send(customer, 'GET', '/api/contracts/%00'), 400, 'validation_failed');
    });

    it('in a JSON body: the login form, a change request, settings', async () => {
      const anon = t.client();
      await anon.api.GET('/api/health');
      await problem(
        await send(
          anon,
          'POST',
          '/api/auth/staff/login',
          '{"login":"adm\\u0000in","password":"x"}',
        ),
        400,
        'validation_failed',
      );
      await problem(
        await send(anon, 'POST', '/api/auth/otp/request', '{"phone":"+7912\\u00003456789"}'),
        400,
        'validation_failed',
      );
      const body = await problem(
        await send(
          customer,
          'POST',
          '/api/profile/change-requests',
          '{"field":"email","value":"a@b.ru","comment":"тут\\u0000ноль"}',
        ),
        400,
        'validation_failed',
      );
      expect(body.fields).toEqual([expect.objectContaining({ path: 'comment' })]);
      // In a key too.
      await problem(
        await send(customer, 'PUT', '/api/profile/notification-settings', '{"a\\u0000":true}'),
        400,
        'validation_failed',
      );
      expect(await t.sql('SELECT 1 FROM profile_change_requests')).toHaveLength(0);
    });

    it('a list of objects gets objects: arrays in their place are a 400', async () => {
      const body = await problem(
        await send(customer, 'PUT', '/api/profile/notification-settings', '{"items":[[[[]]]]}'),
        400,
        'validation_failed',
      );
      expect(body.fields).toEqual([expect.objectContaining({ path: 'items' })]);
    });
  });

  it('a lone surrogate (not text) is refused with 400, in a body and in the query', async () => {
    const body = await problem(
      await send(customer, 'POST', '/api/profile/change-requests', '{"comment":"\\ud800x"}'),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(body.fields)).toMatch(/Unicode/);
    await problem(
      await send(customer, 'POST', '/api/profile/change-requests', '{"comment":"x\\udfff"}'),
      400,
      'validation_failed',
    );
    // A well-formed pair (an emoji) is text.
    const ok = await send(
      customer,
      'POST',
      '/api/profile/change-requests',
      '{"field":"email","value":"emoji@example.ru","comment":"спасибо \\ud83d\\ude42"}',
    );
    expect(ok.status).toBe(201);
    // Invalid UTF-8 in the URL is not a 500 either.
    const res = await send(customer, 'GET', '/api/contracts?q=%ED%A0%80%ED%A0%80');
    expect(res.status).toBeLessThan(500);
  });

  describe('numbers are bounded', () => {
    it.each(['99999999999999999999', '1e18', '100001', '1.5', '-1', 'NaN', 'Infinity', '0x10'])(
      'page=%s is a 400 on every list',
      async (page) => {
        for (const [who, path] of [
          [manager, '/api/contracts'],
          [manager, '/api/customers'],
          [customer, '/api/notifications'],
          [manager, '/api/change-requests'],
          [admin, '/api/exchange/runs'],
          [admin, '/api/exchange/exports'],
        ] as const) {
          const body = await problem(
            await send(who, 'GET', `${path}?page=${page}`),
            400,
            'validation_failed',
          );
          expect(body.fields).toEqual([expect.objectContaining({ path: 'page' })]);
        }
      },
    );

    it('the last page there can be is a page (empty), not an error', async () => {
      const res = await send(admin, 'GET', '/api/contracts?page=100000&pageSize=100');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    });

    it('a yes/no in the query is yes or no, not anything else', async () => {
      await problem(
        await send(admin, 'GET', '/api/contracts?overdue=maybe'),
        400,
        'validation_failed',
      );
      await problem(
        await send(customer, 'GET', '/api/notifications?unread=%00'),
        400,
        'validation_failed',
      );
      for (const v of ['true', 'false', '1', '0']) {
        expect((await send(admin, 'GET', `/api/contracts?overdue=${v}`)).status).toBe(200);
      }
    });
  });

  describe('uploads', () => {
    const boundary = '----kabinetBoundary';
    const type = `multipart/form-data; boundary=${boundary}`;
    const filePart = (filename: string, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;

    it.each(['/api/exchange/uploads', '/api/company/logo'])(
      '%s: an empty file name, a body of only a boundary, a cut-off body, no file: 400',
      async (path) => {
        const method = path.endsWith('logo') ? 'PUT' : 'POST';
        const empty = await problem(
          await send(admin, method, path, filePart('', '<x/>'), type),
          400,
          'validation_failed',
        );
        expect(empty.fields).toEqual([expect.objectContaining({ path: 'file' })]);
        // No file in the body: "choose a file"; a body that cannot be read: "malformed".
        for (const body of [`--${boundary}--\r\n`, '']) {
          const none = await problem(
            await send(admin, method, path, body, type),
            400,
            'validation_failed',
          );
          expect(none.fields).toEqual([expect.objectContaining({ path: 'file' })]);
        }
        for (const [body, contentType] of [
          [`--${boundary}\r\n`, type],
          [
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n<x>`,
            type,
          ],
          ['--nope\r\n\r\n', 'multipart/form-data'],
        ] as const) {
          await problem(
            await send(admin, method, path, body, contentType),
            400,
            'malformed_request',
          );
        }
      },
    );

    it('nothing half-written: the inbox and the logo are as they were', async () => {
      const logo = await t.sql('SELECT logo_file_id FROM company_profile');
      expect(logo.every((r) => r.logo_file_id === null)).toBe(true);
    });

    it('multipart sent to a JSON route is a 415, not a parser crash', async () => {
      await problem(
        await send(customer, 'POST', '/api/profile/change-requests', filePart('a.txt', 'x'), type),
        415,
        'unsupported_media_type',
      );
    });
  });

  describe('the framework’s own errors are problem+json with a code', () => {
    it('an over-long path parameter (414)', async () => {
      await problem(
        await send(customer, 'GET', `/api/contracts/${'a'.repeat(5000)}`),
        414,
        'uri_too_long',
      );
    });

    it('a URL over Node’s 16 KB head limit (431), answered before Fastify sees it', async () => {
      await problem(
        await send(customer, 'GET', `/api/contracts?q=${'ж'.repeat(10_000)}`),
        431,
        'headers_too_large',
      );
    });

    it('an unknown route (404), under /api and with any method', async () => {
      await problem(await send(customer, 'GET', '/api/nowhere'), 404, 'not_found');
      await problem(
        await send(customer, 'DELETE', `/api/contracts/${contractId}`),
        404,
        'not_found',
      );
    });

    it('malformed JSON, an empty JSON body, JSON that is not an object (400)', async () => {
      for (const body of ['{"phone":', '', 'null', '"text"', '[]', '12']) {
        const anon = t.client();
        await anon.api.GET('/api/health');
        const res = await send(anon, 'POST', '/api/auth/otp/request', body);
        await problem(res, 400, res.status === 400 ? (await res.clone().json()).code : 'x');
      }
      const anon = t.client();
      await anon.api.GET('/api/health');
      await problem(
        await send(anon, 'POST', '/api/auth/otp/request', '{"phone":'),
        400,
        'malformed_request',
      );
    });

    it('an unsupported content type (415)', async () => {
      await problem(
        await send(customer, 'POST', '/api/profile/change-requests', 'comment=x', 'text/plain'),
        415,
        'unsupported_media_type',
      );
    });

    it('a body over the limit (413)', async () => {
      const res = await send(
        customer,
        'POST',
        '/api/profile/change-requests',
        JSON.stringify({ comment: 'x'.repeat(2_000_000) }),
      );
      await problem(res, 413, 'payload_too_large');
    });
  });
});
