import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ExportChange } from '@kabinet/exchange-1c';
import { ExportFile } from './export-file.entity';

/**
 * A change born in Kabinet waiting to go to 1C (the transactional outbox): written in the same
 * transaction as the change itself, assigned to exactly one export file.
 */
@Entity('exchange_export_changes')
@Index('exchange_export_changes_pending_idx', ['createdAt'], { where: 'export_file_id IS NULL' })
export class ExportChangeRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: ExportChange['kind'];

  /** The change without `id`/`kind`/`createdAt` (those are columns). */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  exportFileId: string | null;

  @ManyToOne(() => ExportFile, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'export_file_id' })
  exportFile?: ExportFile | null;
}
