import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionsService } from '../src/modules/auth/sessions.service';
import { ROUTES, caseBody, targetIds, type RouteCase, type Target } from './access-matrix';
import { loginCustomer, loginStaff, primeCsrf, startTestApp, type TestApp } from './helpers';

/**
 * Every state-changing route of the access matrix, sent with a live session (a customer's and an
 * admin's) but without the CSRF header, under every spelling of its URL that a router could take
 * for the route: it must never do anything. The CSRF check decides by the matched route, so no
 * spelling gets past it; a spelling that is no route at all is refused too (403 or 404).
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const enc = (ch: string) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const encLower = (ch: string) => `%${ch.charCodeAt(0).toString(16).toLowerCase()}`;

/** Spellings of `path` (`/api/a/b`): the path itself and variants a router might accept. */
export function spellings(path: string): string[] {
  const segments = path.split('/').slice(1); // ['api', 'a', 'b']
  const rest = segments.slice(1).join('/');
  const last = segments.length - 1;
  const withSegment = (i: number, f: (s: string) => string) =>
    `/${segments.map((s, j) => (j === i ? f(s) : s)).join('/')}`;
  const out = [
    path,
    `/%61pi/${rest}`,
    `/%41PI/${rest}`,
    `/a%70i/${rest}`,
    `/%61%70%69/${rest}`,
    `/API/${rest}`,
    `/Api/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `${path}/`,
    `${path}//`,
    `/${segments.join('//')}`,
    `/api%2F${rest}`,
    `/api%2f${rest}`,
    `/api/${rest.replace(/\//g, '%2F')}`,
    `/api/./${rest}`,
    `/api/%2e/${rest}`,
    `/api/x/../${rest}`,
    `/api/x/%2e%2e/${rest}`,
    `${path}?x=1`,
    `${path};x=1`,
    `${path}%00`,
    `${path}%20`,
    // Each segment of the route with its first letter, and then wholly, percent-encoded.
    ...segments.map((_, i) => withSegment(i, (s) => enc(s[0]!) + s.slice(1))),
    ...segments.map((_, i) => withSegment(i, (s) => [...s].map(encLower).join(''))),
    withSegment(last, (s) => s.toUpperCase()),
  ];
  return [...new Set(out)];
}

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A request with exactly this path on the wire (fetch would normalise it). */
function raw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Actor {
  name: string;
  cookie: string;
}

/** The login routes (public, so not in the access matrix): a forged login is an attack too. */
const LOGIN_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    path: '/api/auth/otp/request',
    target: 'none',
    body: { phone: '+79123456789' },
  },
  {
    method: 'POST',
    path: '/api/auth/otp/verify',
    target: 'none',
    body: { phone: '+79123456789', code: '000000' },
  },
  {
    method: 'POST',
    path: '/api/auth/staff/login',
    target: 'none',
    body: { login: 'admin', password: 'kabinet-demo' },
  },
].map((r) => ({ ...r, expect: {} as RouteCase['expect'] }) as RouteCase);

function stateChangingRoutes(ids: Record<Target, string>) {
  const seen = new Set<string>();
  const out: Array<RouteCase & { url: string; payload?: string }> = [];
  for (const route of [...ROUTES, ...LOGIN_ROUTES]) {
    if (!STATE_CHANGING.has(route.method)) continue;
    const url = route.path.replace('{id}', ids[route.target]);
    const key = `${route.method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...route,
      url,
      ...(route.body ? { payload: caseBody(route.body, ids[route.target]) } : {}),
    });
  }
  // Logging out last: on a broken check they would end the sessions the other cases use.
  const last = (r: { path: string }) => (r.path.startsWith('/api/auth/logout') ? 1 : 0);
  return out.sort((a, b) => last(a) - last(b));
}

/** What the routes could change: a digest per table (sessions without their last-seen time). */
async function snapshot(t: TestApp): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    sessions:
      'SELECT id, customer_id, staff_user_id, view_as_customer_id, expires_at FROM sessions',
    customers: 'SELECT * FROM customers',
    notifications: 'SELECT * FROM notifications',
    notification_deliveries: 'SELECT * FROM notification_deliveries',
    profile_change_requests: 'SELECT * FROM profile_change_requests',
    exchange_runs: 'SELECT * FROM exchange_runs',
    exchange_files: 'SELECT * FROM exchange_files',
    exchange_export_changes: 'SELECT * FROM exchange_export_changes',
    audit_log: 'SELECT * FROM audit_log',
    contract_shares: 'SELECT * FROM contract_shares',
    staff_users: 'SELECT * FROM staff_users',
    otp_challenges: 'SELECT * FROM otp_challenges',
    staff_login_throttles: 'SELECT * FROM staff_login_throttles',
  };
  const out: Record<string, string> = {};
  for (const [table, sql] of Object.entries(queries)) {
    const rows = await t.sql<{ digest: string; n: string }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest
         FROM (${sql}) x`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

function describeCsrf(mode: 'test' | 'production') {
  describe(`CSRF (${mode} mode)`, () => {
    let t: TestApp;
    let ids: Record<Target, string>;
    const actors: Actor[] = [];

    beforeAll(async () => {
      t = await startTestApp(
        mode === 'production'
          ? {
              env: {
                NODE_ENV: 'production',
                SMS_PROVIDER: 'smsru',
                SMSRU_API_ID: 'test',
                SMSRU_BASE_URL: 'http://127.0.0.1:1',
              },
            }
          : {},
      );
      ids = await targetIds(t);
      // A share of each one's contract with the other (what the share routes would change).
      const share = async (contractId: string, owner: string, grantee: string, phone: string) =>
        (
          await t.sql<{ id: string }>(
            `INSERT INTO contract_shares (contract_id, owner_customer_id, grantee_customer_id,
                                          phone, access)
             VALUES ($1, $2, $3, $4, 'read') RETURNING id`,
            [contractId, owner, grantee, phone],
          )
        )[0]!.id;
      ids.ownShare = await share(ids.own, ids.ownCustomer, ids.foreignCustomer, '+79031112233');
      ids.foreignShare = await share(
        ids.foreign,
        ids.foreignCustomer,
        ids.ownCustomer,
        '+79123456789',
      );

      const admin = await loginStaff(t, 'admin');
      let customer;
      if (mode === 'production') {
        // No SMS can be read in production: open the customer's session as a login would.
        customer = t.client();
        await primeCsrf(customer);
        const token = await t.app
          .get(SessionsService)
          .create({ kind: 'customer', customerId: ids.ownCustomer }, {});
        customer.cookies.set('__Host-kabinet_session', token);
      } else {
        customer = await loginCustomer(t, '+79123456789');
      }
      actors.push(
        { name: 'customer', cookie: cookieHeader(customer.cookies) },
        { name: 'admin', cookie: cookieHeader(admin.cookies) },
      );
      const sessionCookie = mode === 'production' ? '__Host-kabinet_session' : 'kabinet_session';
      const csrfCookie = mode === 'production' ? '__Host-kabinet_csrf' : 'kabinet_csrf';
      for (const c of [admin, customer]) {
        expect(c.cookies.get(sessionCookie)).toBeTruthy();
        expect(c.cookies.get(csrfCookie)).toBeTruthy();
      }
    });
    afterAll(() => t.close());

    it('spells each route in many ways', () => {
      const variants = spellings('/api/auth/logout-everywhere');
      expect(variants).toContain('/%61pi/auth/logout-everywhere');
      expect(variants).toContain('/API/auth/logout-everywhere');
      expect(variants).toContain('//api/auth/logout-everywhere');
      expect(variants).toContain('/api/auth/logout-everywhere/');
      expect(variants).toContain('/api%2Fauth/logout-everywhere');
      expect(variants.length).toBeGreaterThan(25);
    });

    it('refuses every state-changing route without the header, however its URL is spelled', async () => {
      const routes = stateChangingRoutes(ids);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'POST /api/auth/logout-everywhere',
          'POST /api/exchange/runs',
          'POST /api/exchange/uploads',
          'POST /api/profile/change-requests',
          'PUT /api/profile/notification-settings',
          'DELETE /api/view-as',
          'POST /api/auth/staff/login',
        ]),
      );
      const before = await snapshot(t);
      const passed: string[] = [];
      for (const actor of actors) {
        for (const route of routes) {
          for (const path of spellings(route.url)) {
            const res = await raw(
              t.baseUrl,
              route.method,
              path,
              {
                cookie: actor.cookie,
                ...(route.payload ? { 'content-type': 'application/json' } : {}),
              },
              route.payload,
            );
            const problem = (() => {
              try {
                return JSON.parse(res.body) as { code?: string };
              } catch {
                return {};
              }
            })();
            const refused =
              res.contentType.startsWith('application/problem+json') &&
              ((res.status === 403 && problem.code === 'csrf_failed') ||
                (res.status === 404 && problem.code === 'not_found'));
            if (!refused) {
              passed.push(
                `${actor.name} ${route.method} ${path} → ${res.status} ${res.body.slice(0, 80)}`,
              );
            }
          }
        }
      }
      expect(passed).toEqual([]);
      // Nothing changed, and the sessions still work (logout-everywhere did not run).
      expect(await snapshot(t)).toEqual(before);
      for (const actor of actors) {
        const me = await raw(t.baseUrl, 'GET', '/api/me', { cookie: actor.cookie });
        expect(me.status).toBe(200);
      }
    });

    it('still lets the same requests through with the header', async () => {
      const admin = actors.find((a) => a.name === 'admin')!;
      const token = /(?:^|; )(?:__Host-)?kabinet_csrf=([^;]+)/.exec(admin.cookie)![1]!;
      const res = await raw(t.baseUrl, 'POST', '/api/exchange/runs', {
        cookie: admin.cookie,
        'x-csrf-token': token,
      });
      expect(res.status).toBe(202);
    });
  });
}

describeCsrf('test');
describeCsrf('production');
