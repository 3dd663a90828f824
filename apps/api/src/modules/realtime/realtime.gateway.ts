import type { IncomingMessage } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { SOCKET_PATH, type Ack, type ConnectRefusal } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from '../auth/auth-context';
import { cookieSettings } from '../auth/cookies';
import { SessionsService } from '../auth/sessions.service';
import { RealtimeAdapter } from './realtime.adapter';
import { RealtimeService } from './realtime.service';
import { sessionRoom, userRoom, type RealtimeServer, type RealtimeSocket } from './realtime.types';
import { toAckError, validateInput } from './socket-input';

/** The names of this machine's loopback: one app on `localhost` is opened by any of them. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins a page may open a socket from: PUBLIC_URL's and CORS_ORIGINS'. An origin on
 * `localhost` (the default PUBLIC_URL, a developer's machine) also stands for 127.0.0.1 and
 * [::1] on the same port: the same app, never another machine.
 */
export function allowedOrigins(config: Pick<AppConfig, 'publicUrl' | 'corsOrigins'>): Set<string> {
  const origins = new Set<string>();
  for (const url of [config.publicUrl, ...config.corsOrigins]) {
    try {
      const parsed = new URL(url);
      origins.add(parsed.origin);
      if (parsed.hostname === 'localhost') {
        for (const host of LOOPBACK) {
          parsed.hostname = host;
          origins.add(parsed.origin);
        }
      }
    } catch {
      // Not a URL: it cannot match an Origin header either.
    }
  }
  return origins;
}

/** Whether an Origin header names one of `allowed` (a missing or opaque `null` one does not). */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!origin) return false;
  try {
    return allowed.has(new URL(origin).origin);
  } catch {
    return false;
  }
}

/** Whether two contexts of one session act as the same person (the rooms a socket joined). */
function sameIdentity(now: AuthContext, was: AuthContext): boolean {
  return (
    now.sessionId === was.sessionId &&
    now.kind === was.kind &&
    now.userId === was.userId &&
    now.viewAs?.staffUserId === was.viewAs?.staffUserId
  );
}

/**
 * How often the sockets' sessions are checked without an event: a staff member deactivated or a
 * customer archived (by 1C) loses their sockets within this time.
 */
const SWEEP_MS = 60_000;

function refusal(error: ConnectRefusal): Error & { data: ConnectRefusal } {
  return Object.assign(new Error(error.message), { data: error });
}

/**
 * The socket.io server, on the HTTP server's port at `SOCKET_PATH` (engine.io answers that path
 * before Fastify sees it: no CSRF, edge check or SPA fallback applies). WebSocket only: long
 * polling would need sticky sessions across replicas.
 *
 * Handshake: the Origin must be PUBLIC_URL's or one of CORS_ORIGINS (refused before the upgrade,
 * which stops other sites' pages from using the visitor's cookie); then the session cookie must
 * name a live session (`connect_error` with `data: { code: 'unauthenticated' }` otherwise). The
 * socket joins `user:<kind>:<id>` and `session:<id>`.
 *
 * Client events: each one with an ack is dispatched to its registered handler (RealtimeService.
 * handle) after re-checking the session (a dead one is answered `unauthenticated` and
 * disconnected; one that now acts as someone else — view-as began or ended — `conflict` and
 * disconnected), the view-as read-only rule, the permission and the input's DTO. The ack is
 * `{ ok: true, data }` or `{ ok: false, error }` with HTTP's codes. Events without an ack are
 * ignored; an unknown event answers `not_found`. Nothing a client sends can throw. Once a
 * minute the sockets' sessions are checked without an event too (`sweep`).
 */
@WebSocketGateway({ path: SOCKET_PATH, transports: ['websocket'], serveClient: false })
export class RealtimeGateway
  implements
    OnGatewayInit<RealtimeServer>,
    OnGatewayConnection<RealtimeSocket>,
    BeforeApplicationShutdown
{
  private readonly logger = new Logger('Realtime');
  private readonly origins: ReadonlySet<string>;
  private readonly sessionCookie: string;
  private server: RealtimeServer | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly adapter: RealtimeAdapter,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origins = allowedOrigins(config);
    this.sessionCookie = cookieSettings(config).sessionName;
  }

  afterInit(server: RealtimeServer): void {
    // engine.io reads `allowRequest` on each handshake; the gateway's decorator options are
    // static, the allowed origins come from the configuration.
    server.engine.opts.allowRequest = (req, callback) => {
      const origin = req.headers.origin;
      if (originAllowed(origin, this.origins)) {
        callback(null, true);
        return;
      }
      this.logger.debug(`Socket refused: origin ${origin ?? '(none)'} is not allowed`);
      callback('Origin not allowed', false);
    };
    this.adapter.attach(server);
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        () => next(),
        (err: Error) => next(err),
      );
    });
    this.realtime.attach(server);
    this.server = server;
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /**
   * Checks the sessions of this process's sockets in one statement and disconnects those that
   * are no longer live or now act as someone else (what an event would find out); answers how
   * many it closed. Runs every minute; tests call it.
   */
  async sweep(): Promise<number> {
    const sockets = [...(this.server?.sockets.sockets.values() ?? [])];
    if (sockets.length === 0) return 0;
    try {
      const ids = new Set(sockets.map((s) => s.data.auth.sessionId));
      const live = await this.sessions.resolveMany([...ids]);
      let closed = 0;
      for (const socket of sockets) {
        const auth = live.get(socket.data.auth.sessionId);
        if (auth && sameIdentity(auth, socket.data.auth)) {
          socket.data.auth = auth;
        } else {
          socket.disconnect(true);
          closed += 1;
        }
      }
      return closed;
    } catch (err) {
      this.logger.warn({ err }, 'Checking the sockets’ sessions failed; will try again');
      return 0;
    }
  }

  handleConnection(socket: RealtimeSocket): void {
    const auth = socket.data.auth;
    void socket.join([userRoom({ kind: auth.kind, id: auth.userId }), sessionRoom(auth.sessionId)]);
    socket.onAny((event: string, ...args: unknown[]) => void this.dispatch(socket, event, args));
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    let auth: AuthContext | null;
    try {
      const token = this.tokenOf(socket.request);
      auth = token ? await this.sessions.resolve(token) : null;
    } catch (err) {
      const { error } = toAckError(err);
      this.logger.error({ err, requestId: error.requestId }, 'Socket handshake failed');
      throw refusal(error);
    }
    if (!auth) {
      throw refusal({ code: 'unauthenticated', message: 'Log in to continue', status: 401 });
    }
    socket.data.auth = auth;
  }

  private tokenOf(request: IncomingMessage): string | undefined {
    const header = request.headers.cookie;
    if (!header) return undefined;
    try {
      return fastifyCookie.parse(header)[this.sessionCookie] || undefined;
    } catch {
      return undefined;
    }
  }

  private async dispatch(socket: RealtimeSocket, event: string, args: unknown[]): Promise<void> {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      this.logger.debug(`Socket event ${event.slice(0, 100)} without an ack: ignored`);
      return;
    }
    let end = false;
    let result: Ack<unknown>;
    try {
      const registered = this.realtime.handlerOf(event);
      if (!registered) {
        throw new DomainError('not_found', `There is no socket event ${event.slice(0, 100)}`);
      }
      const auth = await this.recheck(socket);
      if (!auth) {
        end = true;
        throw new DomainError('unauthenticated', 'The session has ended: log in again');
      }
      if (auth === 'changed') {
        end = true;
        throw new DomainError(
          'conflict',
          'This session acts as someone else now (view-as began or ended): connect again',
        );
      }
      const { options, handler } = registered;
      if (options.permission && !auth.permissions.has(options.permission)) {
        throw new DomainError('forbidden', 'Your role does not allow this');
      }
      if (options.write && auth.viewAs) {
        throw new DomainError(
          'read_only',
          'You are viewing the customer’s cabinet as they see it; nothing can be changed',
        );
      }
      if (args.length !== 2) {
        throw new DomainError('malformed_request', 'Send one object as the event’s input');
      }
      const input = await validateInput(options.dto, args[0]);
      result = { ok: true, data: await handler(auth, input, socket) };
    } catch (err) {
      const { error, unexpected } = toAckError(err);
      if (unexpected) {
        this.logger.error(
          { err, requestId: error.requestId, event: event.slice(0, 100) },
          'Socket event failed',
        );
      }
      result = { ok: false, error };
    }
    try {
      (ack as (result: Ack<unknown>) => void)(result);
    } catch (err) {
      // The answer cannot be sent (e.g. its data does not serialize): the client's ack times out.
      this.logger.error({ err, event: event.slice(0, 100) }, 'Socket ack failed');
    }
    if (end) socket.disconnect(true);
  }

  /**
   * The socket's session as of now: its auth context (refreshed on the socket), null when it
   * ended, 'changed' when it now acts as someone else than the rooms it joined.
   */
  private async recheck(socket: RealtimeSocket): Promise<AuthContext | null | 'changed'> {
    const token = this.tokenOf(socket.request);
    const auth = token ? await this.sessions.resolve(token) : null;
    if (!auth) return null;
    if (!sameIdentity(auth, socket.data.auth)) return 'changed';
    socket.data.auth = auth;
    return auth;
  }
}
