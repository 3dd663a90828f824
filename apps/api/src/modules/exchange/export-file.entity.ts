import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

export const EXPORT_STATUSES = ['pending', 'written'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A numbered file of changes for 1C. Its changes are fixed when it is created, so writing it again
 * after a crash produces the same bytes under the same name.
 */
@Entity('exchange_export_files')
export class ExportFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('exchange_export_files_number_uq', { unique: true })
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'integer' })
  changeCount: number;

  @Column({ type: 'varchar', length: 20 })
  status: ExportStatus;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  writtenAt: Date | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;
}
