import { io, type Socket } from 'socket.io-client';
import { SESSION_COOKIE, SOCKET_PATH, type Ack, type ServerEvents } from '@kabinet/shared';
import type { TestApp, TestClient } from './helpers';

/** Long enough for a busy 2-core machine; an event that does not come in time fails the test. */
export const SOCKET_WAIT_MS = 20_000;

export type TestSocket = Socket<ServerEvents>;

/** The browser's session cookie of a logged-in client. */
export function cookieOf(c: TestClient): string {
  const token = c.cookies.get(SESSION_COOKIE);
  if (!token) throw new Error('not logged in');
  return `${SESSION_COOKIE}=${token}`;
}

/** A connected socket to `t` as the logged-in `c`, with the app's Origin; it does not reconnect. */
export async function connectSocket(
  t: TestApp,
  c: TestClient,
  origin: string,
): Promise<TestSocket> {
  const socket: TestSocket = io(t.baseUrl, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: { origin, cookie: cookieOf(c) },
    reconnection: false,
    forceNew: true,
    timeout: SOCKET_WAIT_MS,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Emits a client event and answers its ack. */
export function callSocket<T>(socket: TestSocket, event: string, input: unknown): Promise<Ack<T>> {
  return (socket as Socket).timeout(SOCKET_WAIT_MS).emitWithAck(event, input) as Promise<Ack<T>>;
}

/** The next `event` the socket receives that `match` accepts. */
export function nextEvent<E extends keyof ServerEvents>(
  socket: TestSocket,
  event: E,
  match: (payload: Parameters<ServerEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${String(event)} within ${SOCKET_WAIT_MS} ms`)),
      SOCKET_WAIT_MS,
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

/** Everything `event` brings to the socket from now on. */
export function recordEvents<E extends keyof ServerEvents>(socket: TestSocket, event: E) {
  const seen: Parameters<ServerEvents[E]>[0][] = [];
  (socket as Socket).on(event as string, (payload: Parameters<ServerEvents[E]>[0]) => {
    seen.push(payload);
  });
  return seen;
}
