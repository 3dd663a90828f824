import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

export const RUN_TRIGGERS = ['schedule', 'manual', 'upload', 'cli', 'demo'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One exchange cycle: look at the inbox, import what is there, write the outbox. */
@Entity('exchange_runs')
@Index('exchange_runs_started_idx', ['startedAt'])
export class ExchangeRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  trigger: RunTrigger;

  @Column({ type: 'varchar', length: 20 })
  status: RunStatus;

  /** Where the files came from, e.g. `sftp://kabinet@10.0.0.5:22/inbox`. */
  @Column({ type: 'varchar', length: 300 })
  source: string;

  @TimestampColumn()
  startedAt: Date;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  filesImported: number;

  @Column({ type: 'integer', default: 0 })
  filesFailed: number;

  /** Files whose bytes were imported before (same SHA-256): a no-op. */
  @Column({ type: 'integer', default: 0 })
  filesDuplicate: number;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ type: 'integer', default: 0 })
  archived: number;

  @Column({ type: 'integer', default: 0 })
  changesExported: number;

  /** Warnings of the files it imported (see ExchangeFile.warningCount). */
  @Column({ type: 'integer', default: 0 })
  warnings: number;

  /** Why the cycle itself failed (the SFTP server unreachable, a timeout, ...). */
  @Column({ type: 'text', nullable: true })
  error: string | null;
}
