import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { writeExportFile, type ExportChange } from '@kabinet/exchange-1c';
import { Clock } from '../../common/clock';
import { sql, type Db } from '../../database/sql';
import type { SourceSession } from './sources/source';

/** At most this many changes go into one export file. */
const CHANGES_PER_FILE = 500;

type NewChange = ExportChange extends infer C
  ? C extends ExportChange
    ? Omit<C, 'id' | 'createdAt'>
    : never
  : never;

/**
 * Changes born in Kabinet going back to 1C, exactly once. `enqueue` writes a change into the
 * outbox table inside the caller's transaction (so it exists exactly when the change does);
 * `flush` packs pending changes into a numbered file, commits that assignment, then writes the
 * file to the SFTP outbox as `*.tmp` and renames it. A crash between the two writes the same
 * bytes under the same name next time.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async enqueue(tx: Db, change: NewChange): Promise<string> {
    const { kind, ...payload } = change;
    const rows = await tx.query<{ id: string }>(
      sql`INSERT INTO exchange_export_changes (kind, payload, created_at)
          VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${this.clock.now()}) RETURNING id`,
    );
    return rows[0].id;
  }

  /** Writes pending files (left from a crash) and new ones; returns how many changes went out. */
  async flush(session: SourceSession): Promise<number> {
    let exported = 0;
    for (;;) {
      const pending: Array<{ id: string; number: number; name: string }> = await this.db.query(
        `SELECT id, number, name FROM exchange_export_files WHERE status = 'pending'
          ORDER BY number LIMIT 1`,
      );
      const file = pending[0] ?? (await this.packNext());
      if (!file) return exported;
      const changes = await this.changesOf(file.id);
      const generatedAt: Array<{ created_at: Date }> = await this.db.query(
        'SELECT created_at FROM exchange_export_files WHERE id = $1',
        [file.id],
      );
      const bytes = writeExportFile(changes, {
        number: file.number,
        generatedAt: localIso(generatedAt[0].created_at),
      });
      await session.writeOutbox(file.name, bytes);
      await this.db.query(
        `UPDATE exchange_export_files SET status = 'written', written_at = $2, sha256 = $3
          WHERE id = $1`,
        [file.id, this.clock.now(), createHash('sha256').update(bytes).digest('hex')],
      );
      exported += changes.length;
    }
  }

  /** Assigns the oldest pending changes to a new numbered file (one transaction). */
  private async packNext(): Promise<{ id: string; number: number; name: string } | null> {
    return this.db.transaction(async (tx) => {
      const changes: Array<{ id: string }> = await tx.query(
        `SELECT id FROM exchange_export_changes WHERE export_file_id IS NULL
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [CHANGES_PER_FILE],
      );
      if (!changes.length) return null;
      const next: Array<{ n: number }> = await tx.query(
        'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM exchange_export_files',
      );
      const number = next[0].n;
      const name = `kabinet-${String(number).padStart(6, '0')}.xml`;
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO exchange_export_files (number, name, change_count, status, created_at)
         VALUES ($1, $2, $3, 'pending', $4) RETURNING id`,
        [number, name, changes.length, this.clock.now()],
      );
      await tx.query('UPDATE exchange_export_changes SET export_file_id = $1 WHERE id = ANY($2)', [
        rows[0].id,
        changes.map((c) => c.id),
      ]);
      return { id: rows[0].id, number, name };
    });
  }

  private async changesOf(fileId: string): Promise<ExportChange[]> {
    const rows: Array<{ id: string; kind: string; payload: object; created_at: Date }> =
      await this.db.query(
        `SELECT id, kind, payload, created_at FROM exchange_export_changes
          WHERE export_file_id = $1 ORDER BY created_at, id`,
        [fileId],
      );
    return rows.map(
      (r) =>
        ({
          ...r.payload,
          kind: r.kind,
          id: r.id,
          createdAt: localIso(r.created_at),
        }) as ExportChange,
    );
  }
}

/** 1C reads dates without a zone: `YYYY-MM-DDTHH:MM:SS` in UTC, as documented in FORMAT.md. */
function localIso(d: Date): string {
  return d.toISOString().slice(0, 19);
}
