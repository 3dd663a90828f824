import { SocketClient, type SocketLike } from '../lib/socket';

type Listener = (...args: never[]) => void;

/**
 * A stand-in for the socket.io socket: nothing goes on the network; the test plays the server
 * (`open`, `drop`, `refuse`, `send`) and answers client events with `answer`.
 */
export class FakeSocket implements SocketLike {
  active = false;
  connects = 0;
  readonly emitted: Array<{ event: string; input: unknown }> = [];
  /** How client events are answered; unanswered (undefined) events time out. */
  answer: (event: string, input: unknown) => unknown = () => undefined;
  private readonly listeners = new Map<string, Listener[]>();
  private anyListeners: Array<(event: string, ...args: unknown[]) => void> = [];

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  onAny(listener: (event: string, ...args: unknown[]) => void): this {
    this.anyListeners.push(listener);
    return this;
  }

  offAny(): this {
    this.anyListeners = [];
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  connect(): this {
    this.connects += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  timeout(ms: number) {
    return {
      emit: (event: string, input: unknown, ack: (err: Error | null, result: unknown) => void) => {
        this.emitted.push({ event, input });
        const result = this.answer(event, input);
        if (result === undefined)
          setTimeout(() => ack(new Error('operation has timed out'), undefined), ms);
        else queueMicrotask(() => ack(null, result));
      },
    };
  }

  /** The server accepted the connection. */
  open(): void {
    this.fire('connect');
  }

  /** The connection broke (`transport close`: socket.io reconnects) or the server closed it. */
  drop(reason: 'transport close' | 'io server disconnect'): void {
    this.active = reason !== 'io server disconnect';
    this.fire('disconnect', reason);
  }

  /** The server refused the handshake with `data` (`{ code: 'unauthenticated', ... }`). */
  refuse(data: unknown): void {
    this.active = false;
    this.fire('connect_error', Object.assign(new Error('refused'), { data }));
  }

  /** The server sends `event`. */
  send(event: string, payload: unknown): void {
    for (const listener of this.anyListeners) listener(event, payload);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }
}

/** A SocketClient over fake sockets: `sockets` lists each one it made, the newest last. */
export function fakeSocketClient(options: { ackTimeoutMs?: number; retryMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const client = new SocketClient({
    ...options,
    create: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
  });
  return { client, sockets, latest: () => sockets.at(-1)! };
}
