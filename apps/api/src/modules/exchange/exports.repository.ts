import { Inject, Injectable } from '@nestjs/common';
import type { ExportChange } from '@kabinet/exchange-1c';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';
import type { ExportStatus } from './export-file.entity';

/** An export file as the cycle writes it. */
export interface ExportFileRef {
  id: string;
  number: number;
  name: string;
}

/** A row of `exchange_export_files`, as PostgreSQL answers `SELECT *`. */
export interface ExportFileRow {
  id: string;
  number: number;
  name: string;
  change_count: number;
  status: ExportStatus;
  created_at: Date;
  written_at: Date | null;
  sha256: string | null;
}

/** A change of an export file. */
export interface FileChangeRow {
  id: string;
  kind: ExportChange['kind'];
  payload: object;
  created_at: Date;
}

/** The outbox to 1C: changes born in Kabinet (`exchange_export_changes`) and their files. */
@Injectable()
export class ExportsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** A change waiting to go out; answers its id. */
  async insertChange(kind: string, payload: object, createdAt: Date): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO exchange_export_changes (kind, payload, created_at)
          VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${createdAt}) RETURNING id`,
    );
    return rows[0]!.id;
  }

  /** The lowest-numbered file that is numbered but not written yet (a crash left it). */
  async firstPendingFile(): Promise<ExportFileRef | undefined> {
    const rows = await this.db.query<ExportFileRef>(
      sql`SELECT id, number, name FROM exchange_export_files WHERE status = 'pending'
           ORDER BY number LIMIT 1`,
    );
    return rows[0];
  }

  async fileCreatedAt(fileId: string): Promise<Date> {
    const rows = await this.db.query<{ created_at: Date }>(
      sql`SELECT created_at FROM exchange_export_files WHERE id = ${fileId}`,
    );
    return rows[0]!.created_at;
  }

  async markWritten(fileId: string, at: Date, sha256: string): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_export_files SET status = 'written', written_at = ${at},
                 sha256 = ${sha256}
           WHERE id = ${fileId}`,
    );
  }

  /** The oldest changes in no file yet, locked for this transaction (others skip them). */
  async lockUnassignedChanges(limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      sql`SELECT id FROM exchange_export_changes WHERE export_file_id IS NULL
           ORDER BY created_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((r) => r.id);
  }

  async nextFileNumber(): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      sql`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM exchange_export_files`,
    );
    return rows[0]!.n;
  }

  /** A new numbered file of `changeCount` changes, pending; answers its id. */
  async insertFile(file: {
    number: number;
    name: string;
    changeCount: number;
    createdAt: Date;
  }): Promise<string> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO exchange_export_files (number, name, change_count, status, created_at)
          VALUES (${file.number}, ${file.name}, ${file.changeCount}, 'pending', ${file.createdAt})
          RETURNING id`,
    );
    return rows[0]!.id;
  }

  async assignChanges(fileId: string, changeIds: string[]): Promise<void> {
    await this.db.query(
      sql`UPDATE exchange_export_changes SET export_file_id = ${fileId}
           WHERE id = ANY(${changeIds})`,
    );
  }

  /** The changes of a file, in the order they were made. */
  async changesOf(fileId: string): Promise<FileChangeRow[]> {
    return this.db.query<FileChangeRow>(
      sql`SELECT id, kind, payload, created_at FROM exchange_export_changes
           WHERE export_file_id = ${fileId} ORDER BY created_at, id`,
    );
  }

  /** A page of the export files, newest first, `total_count` on every row. */
  async page(
    limit: number,
    offset: number,
  ): Promise<Array<ExportFileRow & { total_count: string }>> {
    return this.db.query(
      sql`SELECT *, count(*) OVER () AS total_count FROM exchange_export_files
           ORDER BY number DESC LIMIT ${limit} OFFSET ${offset}`,
    );
  }
}
