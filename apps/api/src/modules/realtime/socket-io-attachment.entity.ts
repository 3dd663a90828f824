import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/**
 * The socket.io PostgreSQL adapter's table (`@socket.io/postgres-adapter`): a broadcast too big
 * for a NOTIFY (over 8000 bytes) is stored here and the NOTIFY carries its id; every replica
 * deletes rows older than 30 s. Only the adapter reads and writes it; this entity is its schema.
 */
@Entity('socket_io_attachments')
export class SocketIoAttachment {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  /** The message, msgpack-encoded. */
  @Column({ type: 'bytea' })
  payload: Buffer;
}
