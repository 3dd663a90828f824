import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_PATH,
  type Ack,
  type AckError,
  type ClientEventInput,
  type ClientEventResult,
  type ClientEvents,
  type ConnectRefusal,
  type ServerEventPayload,
  type ServerEvents,
} from '@kabinet/shared';
import type { Problem } from '@kabinet/api-client';
import { ApiError } from './api';

/** The typed socket.io socket: what the server sends, what the client sends. */
export type KabinetSocket = Socket<ServerEvents, ClientEvents>;

/**
 * `off`: nobody is logged in (or not yet started); `connecting`: the first connection;
 * `connected`; `reconnecting`: it was up and is coming back (the UI says so).
 */
export type SocketState = 'off' | 'connecting' | 'connected' | 'reconnecting';

/** How long an event waits for its ack, including while the socket reconnects. */
export const ACK_TIMEOUT_MS = 15_000;

/** What SocketClient uses of a socket.io socket (tests hand in a stand-in). */
export interface SocketLike {
  /** Whether socket.io itself will (re)connect; false after a refusal by the server. */
  readonly active: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (err: Error & { data?: unknown }) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  timeout(ms: number): {
    emit(event: string, input: unknown, ack: (err: Error | null, result: unknown) => void): unknown;
  };
  connect(): unknown;
  disconnect(): unknown;
  offAny(): unknown;
  removeAllListeners(): unknown;
}

export interface SocketClientOptions {
  /** Makes the socket (not yet connected); socket.io on this origin at SOCKET_PATH by default. */
  create?: () => SocketLike;
  ackTimeoutMs?: number;
  /** The first wait before connecting again after the server dropped the socket; doubles to 30 s. */
  retryMs?: number;
}

/** The same origin, SOCKET_PATH, WebSocket only (as the server), with the session cookie. */
export function createKabinetSocket(): KabinetSocket {
  return io(globalThis.location?.origin ?? '', {
    path: SOCKET_PATH,
    transports: ['websocket'],
    withCredentials: true,
    autoConnect: false,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
}

const NOT_CONNECTED: AckError = {
  code: 'unauthenticated',
  message: 'Not connected: nobody is logged in',
  status: 401,
};

/**
 * The SPA's one socket: connected while someone is logged in (`start(identity)`, `stop()`),
 * reconnecting by itself (socket.io's backoff; after the server dropped it — a session that
 * ended, view-as that began — by a timer here, and `onRefused` tells the app to check who is
 * logged in). Server events reach the listeners of `on`; `emitWithAck` answers the server's
 * `Ack`, or a `timeout` error when none comes in time.
 */
export class SocketClient {
  private socket: SocketLike | null = null;
  private identity: string | null = null;
  private state: SocketState = 'off';
  private everConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private readonly stateListeners = new Set<() => void>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly connectListeners = new Set<() => void>();
  private readonly refusedListeners = new Set<(refusal: ConnectRefusal) => void>();
  private readonly create: () => SocketLike;
  private readonly ackTimeoutMs: number;
  private readonly retryMs: number;

  constructor(options: SocketClientOptions = {}) {
    this.create = options.create ?? (() => createKabinetSocket() as unknown as SocketLike);
    this.ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.retryMs = options.retryMs ?? 1000;
  }

  getState = (): SocketState => this.state;

  /** Calls `listener` whenever the state changes; answers the unsubscribe. */
  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  /**
   * Connects as `identity` (who is logged in: kind, id, view-as); the same identity again does
   * nothing, another one reconnects (the server's rooms are per person).
   */
  start(identity: string): void {
    if (this.socket && this.identity === identity) return;
    this.stop();
    this.identity = identity;
    const socket = this.create();
    this.socket = socket;
    const current = () => this.socket === socket;
    socket.on('connect', () => {
      if (!current()) return;
      this.retries = 0;
      this.everConnected = true;
      this.setState('connected');
      for (const listener of [...this.connectListeners]) listener();
    });
    socket.on('disconnect', (reason) => {
      if (!current() || reason === 'io client disconnect') return;
      this.setState('reconnecting');
      // The server closed it (the session ended or now acts as someone else): socket.io does
      // not come back by itself; the handshake will say whether the session still lives.
      if (reason === 'io server disconnect') this.retryLater();
    });
    socket.on('connect_error', (err) => {
      if (!current()) return;
      this.setState(this.everConnected ? 'reconnecting' : 'connecting');
      if (socket.active) return; // a network error: socket.io retries with its backoff
      const refusal = err.data as ConnectRefusal | undefined;
      if (refusal?.code) for (const listener of [...this.refusedListeners]) listener(refusal);
      this.retryLater();
    });
    socket.onAny((event, payload) => {
      if (!current()) return;
      for (const listener of [...(this.eventListeners.get(event) ?? [])]) listener(payload);
    });
    this.setState('connecting');
    socket.connect();
  }

  /** Disconnects (logout): no events, no reconnecting, until `start` again. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retries = 0;
    const socket = this.socket;
    this.socket = null;
    this.identity = null;
    this.everConnected = false;
    if (socket) {
      socket.offAny();
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.setState('off');
  }

  /** Calls `listener` with each `event` the server sends; answers the unsubscribe. */
  on<E extends keyof ServerEvents>(
    event: E,
    listener: (payload: ServerEventPayload<E>) => void,
  ): () => void {
    let listeners = this.eventListeners.get(event);
    if (!listeners) this.eventListeners.set(event, (listeners = new Set()));
    const untyped = listener as (payload: unknown) => void;
    listeners.add(untyped);
    return () => listeners.delete(untyped);
  }

  /**
   * Calls `listener` on every connection, the first and each after a reconnect: the server's
   * socket is new then, so what it joined (a chat's room) is to join again, and what came
   * meanwhile to ask for. Answers the unsubscribe.
   */
  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }

  /** Calls `listener` when the server refuses the handshake (e.g. `unauthenticated`). */
  onRefused(listener: (refusal: ConnectRefusal) => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  /**
   * Sends a client event and answers its ack: `{ ok: true, data }`, the server's error, or
   * `{ ok: false, error: { code: 'timeout' } }` when no answer came within the timeout (while
   * disconnected the event waits in socket.io's buffer, and leaves it when it times out).
   */
  emitWithAck<E extends keyof ClientEvents>(
    event: E,
    input: ClientEventInput<E>,
    { timeoutMs = this.ackTimeoutMs }: { timeoutMs?: number } = {},
  ): Promise<Ack<ClientEventResult<E>>> {
    const socket = this.socket;
    if (!socket) return Promise.resolve({ ok: false, error: NOT_CONNECTED });
    return new Promise((resolve) => {
      socket.timeout(timeoutMs).emit(event, input, (err, result) => {
        resolve(
          err
            ? {
                ok: false,
                error: {
                  code: 'timeout',
                  status: 0,
                  message: `No answer from the server within ${Math.round(timeoutMs / 1000)} s`,
                },
              }
            : (result as Ack<ClientEventResult<E>>),
        );
      });
    });
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    const delay = Math.min(this.retryMs * 2 ** this.retries, 30_000) * (0.75 + Math.random() / 2);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.socket?.connect();
    }, delay);
  }

  private setState(state: SocketState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener();
  }
}

/** The ack's data, or an ApiError (as the HTTP calls throw) that `errorMessage` translates. */
export function ackData<T>(ack: Ack<T>): T {
  if (ack.ok) return ack.data;
  const { code, message, status, errors, requestId } = ack.error;
  throw new ApiError(status, {
    code: code as Problem['code'],
    title: message,
    status,
    ...(errors ? { fields: errors } : {}),
    ...(requestId ? { requestId } : {}),
  });
}

/** Who a socket connects as: another value (login, logout, view-as) means another socket. */
export function socketIdentity(me: {
  kind: string;
  id: string;
  viewAs: { staffUserId: string } | null;
}): string {
  return `${me.kind}:${me.id}:${me.viewAs?.staffUserId ?? ''}`;
}

/** The SPA's socket. */
export const socketClient = new SocketClient();
