import { Injectable, Logger } from '@nestjs/common';

/** Told the ids (sha256 of the token) of sessions that have just ended. */
export type SessionsEndedListener = (sessionIds: readonly string[]) => void | Promise<void>;

/**
 * Where auth says that sessions ended — logout, logout everywhere, rotation at login, expiry —
 * so what holds on to a session outside HTTP (the realtime sockets) lets go at once. Auth knows
 * nothing of its listeners: they register in their `onModuleInit` (no module import cycle).
 */
@Injectable()
export class SessionEndings {
  private readonly logger = new Logger(SessionEndings.name);
  private readonly listeners: SessionsEndedListener[] = [];

  listen(listener: SessionsEndedListener): void {
    this.listeners.push(listener);
  }

  /** Tells every listener; a failing one is logged and holds up neither the others nor auth. */
  async ended(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const listener of this.listeners) {
      try {
        await listener(sessionIds);
      } catch (err) {
        this.logger.warn({ err }, 'A listener failed on sessions that ended');
      }
    }
  }
}
