import type { ExchangeWarning, SkippedSection } from '@kabinet/exchange-1c';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { ExchangeRun } from './exchange-run.entity';

export const FILE_STATUSES = [
  'importing',
  'imported',
  'failed',
  'duplicate',
  'interrupted',
] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** Counts per record type, e.g. `{ contracts: { created: 3, updated: 1, ... } }`. */
export type RecordCounts = Record<
  string,
  { created: number; updated: number; unchanged: number; archived: number }
>;

/**
 * The ledger: every file the exchange looked at, with its bytes' SHA-256. The same bytes are
 * imported once (a partial unique index on sha256 among imported files).
 */
@Entity('exchange_files')
@Index('exchange_files_sha256_imported_uq', ['sha256'], {
  unique: true,
  where: "status = 'imported'",
})
@Index('exchange_files_run_idx', ['runId'])
@Index('exchange_files_started_idx', ['startedAt'])
export class ExchangeFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  runId: string | null;

  @ManyToOne(() => ExchangeRun, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'run_id' })
  run?: ExchangeRun | null;

  /** The file's name as 1C uploaded it. */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Where the original is kept now, relative to the source's inbox (e.g. `processed/...`). */
  @Column({ type: 'varchar', length: 400, nullable: true })
  storedPath: string | null;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 20 })
  status: FileStatus;

  @TimestampColumn()
  startedAt: Date;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;

  /** How far the parser got, for the progress bar. */
  @Column({ type: 'bigint', default: 0 })
  bytesProcessed: string;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ type: 'integer', default: 0 })
  archived: number;

  /** Elements the cabinet does not import (a catalogue's goods, other documents). */
  @Column({ type: 'integer', default: 0 })
  skipped: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts: RecordCounts;

  /** Values imported with a fallback or left out (the first 200; `warningCount` counts all). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: ExchangeWarning[];

  @Column({ type: 'integer', default: 0 })
  warningCount: number;

  /** The parts of the file not imported (a catalogue, other documents), counted, with why. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  skippedSections: SkippedSection[];

  /** `ВерсияСхемы` and `ДатаФормирования` of the file, and its encoding. */
  @Column({ type: 'jsonb', nullable: true })
  header: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ type: 'integer', nullable: true })
  errorLine: number | null;

  @Column({ type: 'integer', nullable: true })
  errorColumn: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  errorElement: string | null;
}
