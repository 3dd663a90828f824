import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ClientEvents, ServerEventPayload, ServerEvents } from '@kabinet/shared';
import { SessionEndings } from '../auth/session-endings';
import {
  chatRoom,
  sessionRoom,
  userRoom,
  type EventHandler,
  type EventInput,
  type EventResult,
  type HandlerOptions,
  type HandlerRegistry,
  type RealtimeServer,
  type RealtimeSocket,
  type RealtimeUser,
  type RegisteredHandler,
} from './realtime.types';

/**
 * The realtime API for the other modules: push server events to a person's or a chat's sockets
 * on every replica, manage rooms, end sessions' sockets, and register client events (the
 * gateway dispatches them: session re-check, validation, errors as acks). Before the socket
 * server runs (the OpenAPI build, scripts) the pushes do nothing.
 *
 * Rooms: `user:<kind>:<id>` (every socket of a person; a view-as session is in the customer's),
 * `session:<sessionId>` (every socket of one login), `chat:<id>` (joined through a client event
 * whose handler checks access and calls `joinRoom`).
 */
@Injectable()
export class RealtimeService implements HandlerRegistry<ClientEvents>, OnModuleInit {
  private readonly logger = new Logger(RealtimeService.name);
  private readonly handlers = new Map<string, RegisteredHandler>();
  private server: RealtimeServer | null = null;

  constructor(private readonly endings: SessionEndings) {}

  onModuleInit(): void {
    this.endings.listen((ids) => this.endSessions(ids));
  }

  /** The gateway hands over the socket.io server once it runs. */
  attach(server: RealtimeServer): void {
    this.server = server;
  }

  /**
   * Registers client event `event` (once per name; modules do it in `onModuleInit`). The handler
   * runs for a live session only, with the input validated against `options.dto`; what it
   * returns is the ack's `data`, what it throws the ack's error.
   */
  handle<E extends keyof ClientEvents & string>(
    event: E,
    options: HandlerOptions<EventInput<ClientEvents, E>>,
    handler: EventHandler<EventInput<ClientEvents, E>, EventResult<ClientEvents, E>>,
  ): void {
    if (this.handlers.has(event)) {
      throw new Error(`A handler for the socket event ${event} is registered already`);
    }
    this.handlers.set(event, { options, handler } as unknown as RegisteredHandler);
  }

  /** The handler of a client event, if any (the gateway's lookup). */
  handlerOf(event: string): RegisteredHandler | undefined {
    return this.handlers.get(event);
  }

  /** Sends `event` to every socket of `user`, on every replica. */
  toUser<E extends keyof ServerEvents>(
    user: RealtimeUser,
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    this.emit(userRoom(user), event, payload);
  }

  /** Sends `event` to every socket that joined chat `chatId`, on every replica. */
  toChat<E extends keyof ServerEvents>(
    chatId: string,
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    this.emit(chatRoom(chatId), event, payload);
  }

  /** Puts the caller's socket (a handler's `socket`) into `room`, e.g. `chat:<id>` after an access check. */
  async joinRoom(socket: RealtimeSocket, room: string): Promise<void> {
    await socket.join(room);
  }

  async leaveRoom(socket: RealtimeSocket, room: string): Promise<void> {
    await socket.leave(room);
  }

  /**
   * Takes every socket of `user` (on every replica) out of chat `chatId`'s room, then tells them
   * `chat:removed`. Both go out on one connection, in this order (see realtime.adapter.ts), so
   * nothing sent to the chat afterwards reaches them.
   */
  removeUserFromChat(user: RealtimeUser, chatId: string): void {
    if (!this.server) return;
    this.server.in(userRoom(user)).socketsLeave(chatRoom(chatId));
    this.emit(userRoom(user), 'chat:removed', { chatId });
  }

  /** Disconnects every socket of session `sessionId` (the sha256 of its token), on every replica. */
  endSession(sessionId: string): void {
    this.endSessions([sessionId]);
  }

  /** Like `endSession`, for several sessions at once (logout everywhere, expiry). */
  endSessions(sessionIds: readonly string[]): void {
    if (!this.server || sessionIds.length === 0) return;
    this.server.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  }

  /**
   * How many API processes share the rooms, this one included (as the adapter knows them from
   * their heartbeats); 1 before the socket server runs.
   */
  async serverCount(): Promise<number> {
    return this.server ? this.server.of('/').adapter.serverCount() : 1;
  }

  private emit<E extends keyof ServerEvents>(
    room: string,
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    if (!this.server) {
      this.logger.debug(`No socket server: ${event} to ${room} dropped`);
      return;
    }
    this.server.to(room).emit(event, ...([payload] as Parameters<ServerEvents[E]>));
  }
}
