import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import { DATABASE_URL } from '../../database/tokens';
import { batchingNotifies } from './notify.repository';
import type { RealtimeServer } from './realtime.types';

/**
 * The socket.io PostgreSQL adapter's pool: two connections, one LISTENing, the other sending
 * the NOTIFYs, batched (notify.repository.ts: one statement per batch, in the order they were
 * made). One sender keeps broadcasts in order, so a `socketsLeave` reaches the other replicas
 * before what is sent to the room afterwards. Payloads over 8000 bytes go through the
 * `socket_io_attachments` table and may arrive after later small ones (the adapter fetches them).
 */
const POOL_SIZE = 2;

@Injectable()
export class RealtimeAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeAdapter.name);
  private pool: Pool | null = null;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /**
   * Makes `server` deliver to the sockets of every API process on the same database (rooms,
   * emits, `socketsLeave`, `disconnectSockets`). Connects lazily: nothing happens for an app that
   * never runs its socket server (the OpenAPI build).
   */
  attach(server: RealtimeServer): void {
    const pool = new Pool({
      connectionString: this.databaseUrl,
      max: POOL_SIZE,
      application_name: 'kabinet-realtime',
    });
    // The message and code only: pg's errors carry the whole client. A checked-out client (the
    // LISTEN one) has no error listener of pg-pool's: without this one its error would crash
    // the process; the adapter listens again when the connection ends.
    const warn = (err: Error & { code?: string }) =>
      this.logger.warn(
        `Realtime database connection: ${err.message}${err.code ? ` (${err.code})` : ''}`,
      );
    pool.on('error', warn);
    pool.on('connect', (client) => client.on('error', warn));
    this.pool = pool;
    server.adapter(
      // Its NOTIFYs batched: one round trip for the broadcasts made while the last was sent.
      createAdapter(batchingNotifies(pool), {
        tableName: 'socket_io_attachments',
        errorHandler: (err) => warn(err),
      }),
    );
  }

  /** After the socket server closed (it releases the LISTEN connection): the pool. */
  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool
      ?.end()
      .catch((err: Error) => this.logger.warn(`Closing the realtime pool: ${err.message}`));
  }
}
