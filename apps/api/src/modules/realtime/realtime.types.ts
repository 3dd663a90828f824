import type { ClassConstructor } from 'class-transformer';
import type { Server, Socket } from 'socket.io';
import type { Ack, ClientEvents, Permission, ServerEvents } from '@kabinet/shared';
import type { AuthContext } from '../auth/auth-context';

/** What a socket carries: who it is, as of the handshake and refreshed on every event. */
export interface SocketData {
  auth: AuthContext;
}

/** Server-to-server events: none (replicas talk through the PostgreSQL adapter's rooms). */
export type InterServerEvents = Record<never, never>;

export type RealtimeServer = Server<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientEvents, ServerEvents, InterServerEvents, SocketData>;

/** Whose sockets: a customer's or a staff member's (every socket of theirs, on any replica). */
export interface RealtimeUser {
  kind: 'customer' | 'staff';
  id: string;
}

/** The input of event `E` of an event map whose events answer through an `Ack`. */
export type EventInput<Events, E extends keyof Events> = Events[E] extends (
  input: infer I,
  ack: (result: Ack<infer _R>) => void,
) => void
  ? I
  : never;

/** What event `E`'s ack carries on success. */
export type EventResult<Events, E extends keyof Events> = Events[E] extends (
  input: infer _I,
  ack: (result: Ack<infer R>) => void,
) => void
  ? R
  : never;

export interface HandlerOptions<I> {
  /**
   * The input's DTO: a class with class-validator rules (implementing the shared input type),
   * checked as an HTTP body is (whitelist, unknown fields refused, one message per field).
   */
  dto: ClassConstructor<I>;
  /**
   * Whether the event changes something. A view-as session (staff looking at a customer's
   * cabinet) is read-only: a `write` event answers it `read_only`, like HTTP's POST/PUT/DELETE.
   */
  write: boolean;
  /** The permission the caller's role must have (`forbidden` otherwise), as on HTTP routes. */
  permission?: Permission;
}

/**
 * Handles one client event for a live session. Throw a `DomainError` to answer an error (its code
 * and status as HTTP would); anything else answers `internal` and is logged. `socket` is the
 * caller's socket, e.g. for `RealtimeService.joinRoom`.
 */
export type EventHandler<I, R> = (
  auth: AuthContext,
  input: I,
  socket: RealtimeSocket,
) => Promise<R>;

/** Where modules register client events (`RealtimeService` is the one for `ClientEvents`). */
export interface HandlerRegistry<Events> {
  handle<E extends keyof Events & string>(
    event: E,
    options: HandlerOptions<EventInput<Events, E>>,
    handler: EventHandler<EventInput<Events, E>, EventResult<Events, E>>,
  ): void;
}

/** A registered handler, with its types erased (the gateway validates the input first). */
export interface RegisteredHandler {
  options: HandlerOptions<object>;
  handler: EventHandler<object, unknown>;
}

export const userRoom = (user: RealtimeUser) => `user:${user.kind}:${user.id}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const chatRoom = (chatId: string) => `chat:${chatId}`;
