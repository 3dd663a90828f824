import { PageDto } from '../../common/query.dto';
import { ApiProperty } from '@nestjs/swagger';
import { WARNING_CODES, type WarningCode } from '@kabinet/exchange-1c';
import { FILE_STATUSES, type FileStatus } from './exchange-file.entity';
import { RUN_STATUSES, RUN_TRIGGERS, type RunStatus, type RunTrigger } from './exchange-run.entity';
import { EXPORT_STATUSES, type ExportStatus } from './export-file.entity';
import type { ExportFileRow } from './exports.repository';
import type { ExchangeFileRow, ExchangeRunRow } from './import-ledger.repository';

export class ExchangeWarningDto {
  @ApiProperty({ enum: WARNING_CODES, enumName: 'ExchangeWarningCode' }) code: WarningCode;
  @ApiProperty({ description: 'What was replaced or left out (English)' }) message: string;
  @ApiProperty({ example: 'Контрагент guest-3157', description: 'Which record' }) record: string;
  @ApiProperty() line: number;
  @ApiProperty({ example: 'Документ/Контрагенты/Контрагент/Наименование' }) element: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The facts of the message, per code (for translations)',
  })
  params: Record<string, string>;
}

export class SkippedSectionDto {
  @ApiProperty({ example: 'Каталог', description: 'The element not imported' }) element: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Счет на оплату',
    description: 'For documents: their ХозОперация',
  })
  detail: string | null;
  @ApiProperty({ description: 'The line of the first one' }) line: number;
  @ApiProperty({ description: 'How many such elements' }) count: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { Товар: 540 },
    description: 'What they held, by element',
  })
  items: Record<string, number>;
}

export class ExchangeFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'orders_20261123.xml' }) name: string;
  @ApiProperty({ enum: FILE_STATUSES, enumName: 'ExchangeFileStatus' }) status: FileStatus;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'Bytes parsed so far (progress while importing)' })
  bytesProcessed: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() archived: number;
  @ApiProperty({ description: 'Elements the cabinet does not import (catalogue goods, ...)' })
  skipped: number;
  @ApiProperty({ description: 'Values imported with a fallback or left out' })
  warningCount: number;
  @ApiProperty({ type: [ExchangeWarningDto], description: 'The first 200 warnings' })
  warnings: ExchangeWarningDto[];
  @ApiProperty({ type: [SkippedSectionDto], description: 'What was not imported, and why' })
  skippedSections: SkippedSectionDto[];
  @ApiProperty({ description: 'A text report can be downloaded (errors, warnings, skipped parts)' })
  hasReport: boolean;
  @ApiProperty({ type: String, nullable: true }) errorMessage: string | null;
  @ApiProperty({ type: Number, nullable: true }) errorLine: number | null;
  @ApiProperty({ type: Number, nullable: true }) errorColumn: number | null;
  @ApiProperty({ type: String, nullable: true }) errorElement: string | null;
  @ApiProperty({ description: 'The original can be downloaded' }) hasOriginal: boolean;
}

export class ExchangeRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RUN_TRIGGERS, enumName: 'ExchangeRunTrigger' }) trigger: RunTrigger;
  @ApiProperty({ enum: RUN_STATUSES, enumName: 'ExchangeRunStatus' }) status: RunStatus;
  @ApiProperty({ example: 'sftp://kabinet@10.0.0.5:22/inbox' }) source: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Milliseconds' })
  durationMs: number | null;
  @ApiProperty() filesImported: number;
  @ApiProperty() filesFailed: number;
  @ApiProperty() filesDuplicate: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() archived: number;
  @ApiProperty() changesExported: number;
  @ApiProperty({ description: 'Warnings of the files it imported' }) warnings: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: [ExchangeFileDto] }) files: ExchangeFileDto[];
}

export class ExchangeRunPageDto extends PageDto(ExchangeRunDto) {}

export class ExchangeStatusDto {
  @ApiProperty({ enum: ['local', 'sftp', 'off'] }) sourceKind: 'local' | 'sftp' | 'off';
  @ApiProperty({ type: String, nullable: true }) sourceLocation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Cron of the scheduled run' })
  schedule: string | null;
  @ApiProperty() running: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last successful import',
  })
  lastImportAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When a run last looked at the inbox and outbox (runs that find nothing to do are not recorded)',
  })
  lastCheckedAt: string | null;
  @ApiProperty({ description: 'Changes waiting to be exported to 1C' }) pendingChanges: number;
  @ApiProperty({ description: 'Largest file accepted by hand, bytes' }) uploadLimitBytes: number;
}

export class ExportFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ example: 'kabinet-000012.xml' }) name: string;
  @ApiProperty() changeCount: number;
  @ApiProperty({ enum: EXPORT_STATUSES, enumName: 'ExportFileStatus' }) status: ExportStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) writtenAt: string | null;
}

export class ExportFilePageDto extends PageDto(ExportFileDto) {}

export class UploadAcceptedDto {
  @ApiProperty({ example: 'orders.xml' }) name: string;
}

// Mappers: rows of the ledger, the runs and the export files → the DTOs above.

export const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);

export function toFile(r: ExchangeFileRow): ExchangeFileDto {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    size: Number(r.size),
    bytesProcessed: Number(r.bytes_processed),
    sha256: r.sha256,
    startedAt: iso(r.started_at) ?? '',
    finishedAt: iso(r.finished_at),
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    archived: r.archived,
    skipped: r.skipped,
    warningCount: r.warning_count ?? 0,
    warnings: (r.warnings as ExchangeFileDto['warnings'] | null) ?? [],
    skippedSections: (r.skipped_sections as ExchangeFileDto['skippedSections'] | null) ?? [],
    hasReport: hasReport(r),
    errorMessage: r.error_message ?? null,
    errorLine: r.error_line ?? null,
    errorColumn: r.error_column ?? null,
    errorElement: r.error_element ?? null,
    hasOriginal: r.stored_path != null,
  };
}

/** A failed file has its error report; an imported one a report of its warnings and skips. */
export function hasReport(
  r: Pick<ExchangeFileRow, 'status' | 'warning_count' | 'skipped_sections'>,
): boolean {
  if (r.status === 'failed' || r.status === 'interrupted') return true;
  return (
    r.status === 'imported' &&
    (Number(r.warning_count ?? 0) > 0 || (r.skipped_sections ?? []).length > 0)
  );
}

export function toRun(r: ExchangeRunRow, files: ExchangeFileDto[]): ExchangeRunDto {
  const started = r.started_at;
  const finished = r.finished_at ?? null;
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    source: r.source,
    startedAt: started.toISOString(),
    finishedAt: iso(finished),
    durationMs: finished ? finished.getTime() - started.getTime() : null,
    filesImported: r.files_imported,
    filesFailed: r.files_failed,
    filesDuplicate: r.files_duplicate,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    archived: r.archived,
    changesExported: r.changes_exported,
    warnings: r.warnings ?? 0,
    error: r.error ?? null,
    files,
  };
}

export function toExportFile(r: ExportFileRow): ExportFileDto {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    changeCount: r.change_count,
    status: r.status,
    createdAt: iso(r.created_at) ?? '',
    writtenAt: iso(r.written_at),
  };
}
