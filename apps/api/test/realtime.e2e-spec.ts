import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OTP,
  SESSION_COOKIE,
  SOCKET_PATH,
  type Ack,
  type ConnectRefusal,
  type ServerEvents,
} from '@kabinet/shared';
import { DomainError } from '../src/common/domain-error';
import { AuthHousekeepingService } from '../src/modules/auth/housekeeping.service';
import { hashToken } from '../src/modules/auth/sessions.service';
import { RealtimeGateway } from '../src/modules/realtime/realtime.gateway';
import { RealtimeService } from '../src/modules/realtime/realtime.service';
import { chatRoom, type HandlerRegistry } from '../src/modules/realtime/realtime.types';
import { CUSTOMER_PHONES } from './actors';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';
import { waitFor } from './wait';

/**
 * The socket.io server: the handshake (Origin, session cookie), rooms across two API processes
 * on one database (the PostgreSQL adapter), sessions that end closing their sockets, and client
 * events answered through acks with the HTTP API's error codes — through handlers this test
 * registers, as the chat module registers its own.
 */

const PUBLIC_URL = 'https://kabinet.example';
const PARTNER = 'https://partner.example';
/**
 * One APP_SECRET for both processes, as replicas share it: passport's strategies are global to
 * the Node process, so the second app's OTP strategy (keyed with its secret) checks the codes the
 * first one sends.
 */
const ENV = { PUBLIC_URL, CORS_ORIGINS: PARTNER, APP_SECRET: randomBytes(24).toString('hex') };
/** Long enough for a busy 2-core machine; an event that does not come in time fails the test. */
const WAIT_MS = 20_000;

class EchoDto {
  // class-validator checks bottom-up: a missing text is "not a string" first.
  @MaxLength(5)
  @IsString()
  text: string;

  @IsOptional()
  @IsInt()
  n?: number;
}

class FailDto {
  @IsIn(['not_found', 'conflict', 'crash'])
  how: 'not_found' | 'conflict' | 'crash';
}

class JoinDto {
  @IsString()
  chatId: string;
}

type Echoed = { text: string; n: number | null; kind: string; userId: string };

/** The events this test registers (ClientEvents stays the app's). */
interface TestEvents {
  'test:echo': (input: { text: string; n?: number }, ack: (r: Ack<Echoed>) => void) => void;
  'test:write': (input: { text: string; n?: number }, ack: (r: Ack<Echoed>) => void) => void;
  'test:staff-only': (input: { text: string; n?: number }, ack: (r: Ack<Echoed>) => void) => void;
  'test:fail': (
    input: { how: 'not_found' | 'conflict' | 'crash' },
    ack: (r: Ack<null>) => void,
  ) => void;
  'test:join': (input: { chatId: string }, ack: (r: Ack<{ chatId: string }>) => void) => void;
}

type ClientSocket = Socket<ServerEvents, TestEvents>;

describe('realtime (socket.io on two API processes)', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  /** How many times `test:echo`'s handler ran, on both processes. */
  let echoes = 0;
  let customerA: TestClient;
  let customerAId: string;
  let manager: TestClient;
  let managerId: string;

  function register(t: TestApp): void {
    const registry = t.app.get(RealtimeService) as unknown as HandlerRegistry<TestEvents>;
    const echo = async (auth: { kind: string; userId: string }, input: EchoDto) => {
      return { text: input.text, n: input.n ?? null, kind: auth.kind, userId: auth.userId };
    };
    registry.handle('test:echo', { dto: EchoDto, write: false }, async (auth, input) => {
      echoes += 1;
      return echo(auth, input);
    });
    registry.handle('test:write', { dto: EchoDto, write: true }, echo);
    registry.handle(
      'test:staff-only',
      { dto: EchoDto, write: false, permission: 'customer.read' },
      echo,
    );
    registry.handle('test:fail', { dto: FailDto, write: false }, async (_auth, input) => {
      if (input.how === 'not_found') throw DomainError.notFound('Chat');
      if (input.how === 'conflict') throw new DomainError('conflict', 'Someone was faster');
      throw new Error('a bug in a handler');
    });
    registry.handle('test:join', { dto: JoinDto, write: false }, async (_auth, input, socket) => {
      await t.app.get(RealtimeService).joinRoom(socket, chatRoom(input.chatId));
      return { chatId: input.chatId };
    });
  }

  function cookieOf(c: TestClient): string {
    const token = c.cookies.get(SESSION_COOKIE);
    if (!token) throw new Error('not logged in');
    return `${SESSION_COOKIE}=${token}`;
  }

  /** A socket to `t` (127.0.0.1) with a browser's Origin and cookie; it does not reconnect. */
  function open(
    t: TestApp,
    { cookie, origin = PUBLIC_URL }: { cookie?: string; origin?: string | null } = {},
  ): ClientSocket {
    const headers: Record<string, string> = {};
    if (origin) headers.origin = origin;
    if (cookie) headers.cookie = cookie;
    const socket: ClientSocket = io(t.baseUrl, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: WAIT_MS,
    });
    sockets.push(socket as Socket);
    return socket;
  }

  function connected(socket: ClientSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      if (socket.connected) return resolve();
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  }

  function refused(socket: ClientSocket): Promise<Error & { data?: ConnectRefusal }> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the socket connected')));
      socket.once('connect_error', (err) => resolve(err as Error & { data?: ConnectRefusal }));
    });
  }

  async function connect(t: TestApp, c: TestClient): Promise<ClientSocket> {
    const socket = open(t, { cookie: cookieOf(c) });
    await connected(socket);
    return socket;
  }

  /** The next `event` the socket receives that `match` accepts. */
  function next<E extends keyof ServerEvents>(
    socket: ClientSocket,
    event: E,
    match: (payload: Parameters<ServerEvents[E]>[0]) => boolean = () => true,
  ): Promise<Parameters<ServerEvents[E]>[0]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${event} within ${WAIT_MS} ms`)),
        WAIT_MS,
      );
      const listener = (payload: Parameters<ServerEvents[E]>[0]) => {
        if (!match(payload)) return;
        clearTimeout(timer);
        (socket as Socket).off(event as string, listener);
        resolve(payload);
      };
      (socket as Socket).on(event as string, listener);
    });
  }

  /** Everything `event` brought to the socket from now on. */
  function record<E extends keyof ServerEvents>(socket: ClientSocket, event: E) {
    const seen: Parameters<ServerEvents[E]>[0][] = [];
    (socket as Socket).on(event as string, (payload: Parameters<ServerEvents[E]>[0]) => {
      seen.push(payload);
    });
    return seen;
  }

  function disconnected(socket: ClientSocket): Promise<string> {
    return new Promise((resolve, reject) => {
      if (socket.disconnected) return resolve('already');
      const timer = setTimeout(() => reject(new Error('still connected')), WAIT_MS);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  function call<E extends keyof TestEvents>(
    socket: ClientSocket,
    event: E,
    ...input: unknown[]
  ): Promise<Ack<unknown>> {
    return (socket as Socket).timeout(WAIT_MS).emitWithAck(event, ...input) as Promise<
      Ack<unknown>
    >;
  }

  const notification = (id: string) => ({ id, kind: 'test', title: `note ${id}` });

  beforeAll(async () => {
    a = await startTestApp({ env: ENV });
    b = await startTestApp({ env: ENV, databaseUrl: a.databaseUrl, demo: false });
    register(a);
    register(b);
    customerA = await loginCustomer(a, CUSTOMER_PHONES.customerA);
    manager = await loginStaff(a, 'sokolova');
    const [row] = await a.sql<{ id: string }>(`SELECT id FROM customers WHERE phone = $1`, [
      CUSTOMER_PHONES.customerA,
    ]);
    customerAId = row!.id;
    const [staff] = await a.sql<{ id: string }>(
      `SELECT id FROM staff_users WHERE login = 'sokolova'`,
    );
    managerId = staff!.id;
    // Each process hears the other's adapter (its LISTEN connection is up) before the tests
    // count on deliveries between them.
    await waitFor(
      'the two processes to know each other',
      async () =>
        (await a.app.get(RealtimeService).serverCount()) === 2 &&
        (await b.app.get(RealtimeService).serverCount()) === 2
          ? true
          : undefined,
      { timeoutMs: 40_000, everyMs: 100 },
    );
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  describe('handshake', () => {
    it('takes the session cookie from PUBLIC_URL’s origin or a CORS origin, on either process', async () => {
      const onA = await connect(a, customerA);
      const echoed = await call(onA, 'test:echo', { text: 'hi', n: 2 });
      expect(echoed).toEqual({
        ok: true,
        data: { text: 'hi', n: 2, kind: 'customer', userId: customerAId },
      });
      const onB = open(b, { cookie: cookieOf(manager), origin: PARTNER });
      await connected(onB);
      expect(await call(onB, 'test:echo', { text: 'hey' })).toMatchObject({
        ok: true,
        data: { kind: 'staff', userId: managerId },
      });
    });

    it('refuses another origin, or none, before the WebSocket upgrade', async () => {
      for (const origin of ['https://evil.example', 'null', `${PUBLIC_URL}.evil.example`, null]) {
        const err = await refused(open(a, { cookie: cookieOf(customerA), origin }));
        expect(err.message).toMatch(/websocket error/i);
      }
      // What the refusal is, on the wire: the upgrade is answered 400 with the reason.
      expect(await upgrade(a, 'https://evil.example')).toEqual({
        status: 400,
        body: 'Origin not allowed',
      });
      expect(await upgrade(a, PUBLIC_URL)).toEqual({ status: 101, body: '' });
    });

    it('refuses a connection without a live session: no cookie, a made-up one', async () => {
      for (const cookie of [
        undefined,
        `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`,
      ]) {
        const err = await refused(open(b, { cookie }));
        expect(err.data).toMatchObject({ code: 'unauthenticated', status: 401 });
      }
    });

    it('is not Fastify’s: no CSRF check, no SPA page, no problem+json on the socket path', async () => {
      // Long polling is not served (it would need sticky sessions between replicas).
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${a.baseUrl}${SOCKET_PATH}/?EIO=4&transport=polling`, {
          method,
          headers: { origin: PUBLIC_URL },
        });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await res.json()).toEqual({ code: 0, message: 'Transport unknown' });
      }
    });
  });

  describe('rooms across processes', () => {
    it('toUser from one process reaches the person’s sockets on both, and nobody else’s', async () => {
      const onB = await connect(b, customerA);
      const onA = await connect(a, customerA);
      const other = await connect(b, manager);
      const otherSaw = record(other, 'notification:new');
      const id = randomUUID();
      const arrivals = [
        next(onB, 'notification:new', (n) => n.id === id),
        next(onA, 'notification:new', (n) => n.id === id),
      ];
      a.app
        .get(RealtimeService)
        .toUser({ kind: 'customer', id: customerAId }, 'notification:new', notification(id));
      expect(await Promise.all(arrivals)).toEqual([notification(id), notification(id)]);
      // The manager's marker goes out after, on the same connection: once it is in, the
      // customer's notification would have been too.
      const marker = randomUUID();
      const markerIn = next(other, 'notification:new', (n) => n.id === marker);
      a.app
        .get(RealtimeService)
        .toUser({ kind: 'staff', id: managerId }, 'notification:new', notification(marker));
      await markerIn;
      expect(otherSaw.map((n) => n.id)).toEqual([marker]);
    });

    it('removeUserFromChat takes every socket of the person out of the chat room on every process, and says so', async () => {
      const chatId = randomUUID();
      const customerOnB = await connect(b, customerA);
      const customerOnA = await connect(a, customerA);
      const managerOnA = await connect(a, manager);
      for (const s of [customerOnB, customerOnA, managerOnA]) {
        expect(await call(s, 'test:join', { chatId })).toEqual({ ok: true, data: { chatId } });
      }
      const changed = (tag: string) => (c: { chatId: string }) => c.chatId === `${chatId}/${tag}`;
      const before = [customerOnB, customerOnA, managerOnA].map((s) =>
        next(s, 'chat:changed', changed('before')),
      );
      b.app.get(RealtimeService).toChat(chatId, 'chat:changed', { chatId: `${chatId}/before` });
      await Promise.all(before);

      const customerSawB = record(customerOnB, 'chat:changed');
      const customerSawA = record(customerOnA, 'chat:changed');
      const removed = [customerOnB, customerOnA].map((s) =>
        next(s, 'chat:removed', (c) => c.chatId === chatId),
      );
      const realtimeA = a.app.get(RealtimeService);
      realtimeA.removeUserFromChat({ kind: 'customer', id: customerAId }, chatId);
      await Promise.all(removed);
      // What is sent to the chat afterwards reaches the manager only; the marker, sent to the
      // customer after it, shows their sockets would have had it by now.
      const after = next(managerOnA, 'chat:changed', changed('after'));
      realtimeA.toChat(chatId, 'chat:changed', { chatId: `${chatId}/after` });
      const marker = randomUUID();
      const markers = [customerOnB, customerOnA].map((s) =>
        next(s, 'notification:new', (n) => n.id === marker),
      );
      realtimeA.toUser(
        { kind: 'customer', id: customerAId },
        'notification:new',
        notification(marker),
      );
      await Promise.all([after, ...markers]);
      expect(customerSawB).toEqual([]);
      expect(customerSawA).toEqual([]);
    });
  });

  describe('sessions that end close their sockets', () => {
    it('logout closes that session’s sockets on both processes; logout everywhere closes the rest', async () => {
      const first = await loginCustomer(a, CUSTOMER_PHONES.customerB);
      // A second code for the phone only after OTP.resendAfterSeconds (both processes' clocks:
      // the code is sent by one, checked by the other's strategy, see ENV).
      for (const t of [a, b]) t.clock.advance((OTP.resendAfterSeconds + 1) * 1000);
      const second = await loginCustomer(a, CUSTOMER_PHONES.customerB);
      const firstOnB = await connect(b, first);
      const firstOnA = await connect(a, first);
      const secondOnB = await connect(b, second);
      const cookie = cookieOf(first);
      const closed = [disconnected(firstOnB), disconnected(firstOnA)];
      expect((await first.api.POST('/api/auth/logout')).response.status).toBe(204);
      expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
      // The other session of the same person stays.
      expect(await call(secondOnB, 'test:echo', { text: 'still' })).toMatchObject({ ok: true });
      // The ended session's cookie opens nothing any more.
      const err = await refused(open(b, { cookie }));
      expect(err.data).toMatchObject({ code: 'unauthenticated' });

      const gone = disconnected(secondOnB);
      expect((await second.api.POST('/api/auth/logout-everywhere')).response.status).toBe(204);
      expect(await gone).toBe('io server disconnect');
    });

    it('housekeeping closes the sockets of the sessions it deletes as expired', async () => {
      const staff = await loginStaff(a, 'orlov');
      const socket = await connect(b, staff);
      const token = staff.cookies.get(SESSION_COOKIE)!;
      await a.sql(`UPDATE sessions SET expires_at = '2001-01-01' WHERE id = $1`, [
        hashToken(token),
      ]);
      const closed = disconnected(socket);
      const removed = await a.app.get(AuthHousekeepingService).run();
      expect(removed.sessions).toBe(1);
      expect(await closed).toBe('io server disconnect');
    });

    it('the sweep (every minute) closes the sockets of someone deactivated meanwhile, no others', async () => {
      const head = await loginStaff(a, 'volkova');
      const socket = await connect(b, head);
      const other = await connect(b, customerA);
      // 1C deactivates her: her session stays in the table but no longer resolves.
      await a.sql(`UPDATE staff_users SET active = false WHERE login = 'volkova'`);
      const closed = disconnected(socket);
      expect(await b.app.get(RealtimeGateway).sweep()).toBeGreaterThanOrEqual(1);
      expect(await closed).toBe('io server disconnect');
      expect(await call(other, 'test:echo', { text: 'here' })).toMatchObject({ ok: true });
    });

    it('re-checks the session on every event: one deleted behind its back answers unauthenticated and disconnects', async () => {
      const staff = await loginStaff(a, 'belov');
      const socket = await connect(a, staff);
      expect(await call(socket, 'test:echo', { text: 'ok' })).toMatchObject({ ok: true });
      await a.sql(`DELETE FROM sessions WHERE id = $1`, [
        hashToken(staff.cookies.get(SESSION_COOKIE)!),
      ]);
      const closed = disconnected(socket);
      expect(await call(socket, 'test:echo', { text: 'ok' })).toEqual({
        ok: false,
        error: {
          code: 'unauthenticated',
          status: 401,
          message: 'The session has ended: log in again',
        },
      });
      expect(await closed).toBe('io server disconnect');
    });
  });

  describe('client events answer through acks, like the HTTP API', () => {
    let socket: ClientSocket;
    beforeAll(async () => {
      socket = await connect(b, customerA);
    });

    it('validates the input with the DTO: field messages, unknown fields refused, NUL refused', async () => {
      const failed = async (...input: unknown[]) => {
        const ack = await call(socket, 'test:echo', ...input);
        if (ack.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
        return ack.error;
      };
      expect(await failed({ text: 'too long' })).toEqual({
        code: 'validation_failed',
        status: 400,
        message: 'The request is not valid',
        errors: [{ path: 'text', message: 'text must be shorter than or equal to 5 characters' }],
      });
      expect((await failed({ text: 'a', extra: 1 })).errors).toEqual([
        { path: 'extra', message: 'property extra should not exist' },
      ]);
      expect((await failed({ text: 'a', n: 'x' })).errors).toEqual([
        { path: 'n', message: 'n must be an integer number' },
      ]);
      expect((await failed({})).errors).toEqual([
        { path: 'text', message: 'text must be a string' },
      ]);
      expect((await failed({ text: 'a\u0000' })).errors).toEqual([
        { path: 'text', message: 'text must not contain the NUL character (\\u0000)' },
      ]);
      for (const input of ['text', [{ text: 'a' }], null]) {
        expect(await failed(input)).toMatchObject({ code: 'malformed_request', status: 400 });
      }
      expect(await failed({ text: 'a' }, { text: 'b' })).toMatchObject({
        code: 'malformed_request',
      });
      expect(await failed(JSON.parse('{"text":"a","__proto__":{"n":1}}'))).toMatchObject({
        code: 'malformed_request',
      });
    });

    it('answers DomainErrors with their code and status, anything else as internal, and goes on', async () => {
      expect(await call(socket, 'test:fail', { how: 'not_found' })).toEqual({
        ok: false,
        error: { code: 'not_found', status: 404, message: 'Chat not found' },
      });
      expect(await call(socket, 'test:fail', { how: 'conflict' })).toEqual({
        ok: false,
        error: { code: 'conflict', status: 409, message: 'Someone was faster' },
      });
      const crash = await call(socket, 'test:fail', { how: 'crash' });
      expect(crash).toEqual({
        ok: false,
        error: {
          code: 'internal',
          status: 500,
          message: 'Internal server error',
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        },
      });
      expect(await call(socket, 'test:echo', { text: 'alive' })).toMatchObject({ ok: true });
    });

    it('answers an unknown event not_found, ignores an event without an ack, checks permissions', async () => {
      const unknown = await (socket as Socket).timeout(WAIT_MS).emitWithAck('chat:nope', {});
      expect(unknown).toEqual({
        ok: false,
        error: { code: 'not_found', status: 404, message: 'There is no socket event chat:nope' },
      });
      const before = echoes;
      (socket as Socket).emit('test:echo', { text: 'no ack' });
      (socket as Socket).emit('chat:nope');
      // Acks come back in order: once this one is in, the two above were handled (or not).
      expect(await call(socket, 'test:echo', { text: 'ack' })).toMatchObject({ ok: true });
      expect(echoes).toBe(before + 1);
      expect(socket.connected).toBe(true);
      expect(await call(socket, 'test:staff-only', { text: 'a' })).toEqual({
        ok: false,
        error: { code: 'forbidden', status: 403, message: 'Your role does not allow this' },
      });
    });

    it('a view-as session reads but cannot write (read_only), and is dropped when view-as ends', async () => {
      const admin = await loginStaff(a, 'admin');
      const started = await admin.api.POST('/api/view-as', { body: { customerId: customerAId } });
      expect(started.response.status).toBe(204);
      const viewer = await connect(b, admin);
      expect(await call(viewer, 'test:echo', { text: 'look' })).toMatchObject({
        ok: true,
        data: { kind: 'customer', userId: customerAId },
      });
      expect(await call(viewer, 'test:write', { text: 'edit' })).toEqual({
        ok: false,
        error: {
          code: 'read_only',
          status: 403,
          message: 'You are viewing the customer’s cabinet as they see it; nothing can be changed',
        },
      });
      // The customer's own socket may write.
      expect(await call(socket, 'test:write', { text: 'edit' })).toMatchObject({ ok: true });

      expect((await admin.api.DELETE('/api/view-as')).response.status).toBe(204);
      const closed = disconnected(viewer);
      expect(await call(viewer, 'test:echo', { text: 'look' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', status: 409 },
      });
      expect(await closed).toBe('io server disconnect');
    });
  });
});

/** A bare WebSocket upgrade request to the socket path: its status and body. */
function upgrade(t: TestApp, origin: string): Promise<{ status: number; body: string }> {
  const url = new URL(`${SOCKET_PATH}/?EIO=4&transport=websocket`, t.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      headers: {
        origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
