import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/**
 * The bytes of a file (a contract document today; photos later), kept in PostgreSQL so that a file
 * arrives in the same transaction as the 1C record that brings it, every replica serves it, and
 * backups hold it. Content-addressed: the same bytes are stored once.
 */
@Entity('stored_files')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 64, unique: true })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  /** What the bytes are, sniffed from them (never taken from the sender on trust). */
  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}
