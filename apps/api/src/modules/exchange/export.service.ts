import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { writeExportFile, type ExportChange } from '@kabinet/exchange-1c';
import { Clock } from '../../common/clock';
import { DB, type Database, type Db } from '../../database/sql';
import { ExportsRepository, type ExportFileRef } from './exports.repository';
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
    @Inject(DB) private readonly db: Database,
    private readonly repo: ExportsRepository,
    private readonly clock: Clock,
  ) {}

  /** Writes the change into the outbox inside the caller's transaction `tx`; answers its id. */
  async enqueue(tx: Db, change: NewChange): Promise<string> {
    const { kind, ...payload } = change;
    return this.repo.in(tx).insertChange(kind, payload, this.clock.now());
  }

  /** Writes pending files (left from a crash) and new ones; returns how many changes went out. */
  async flush(session: SourceSession): Promise<number> {
    let exported = 0;
    for (;;) {
      const file = (await this.repo.firstPendingFile()) ?? (await this.packNext());
      if (!file) return exported;
      const changes = await this.changesOf(file.id);
      const generatedAt = await this.repo.fileCreatedAt(file.id);
      const bytes = writeExportFile(changes, {
        number: file.number,
        generatedAt: localIso(generatedAt),
      });
      await session.writeOutbox(file.name, bytes);
      await this.repo.markWritten(
        file.id,
        this.clock.now(),
        createHash('sha256').update(bytes).digest('hex'),
      );
      exported += changes.length;
    }
  }

  /** Assigns the oldest pending changes to a new numbered file (one transaction). */
  private async packNext(): Promise<ExportFileRef | null> {
    return this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      const changeIds = await repo.lockUnassignedChanges(CHANGES_PER_FILE);
      if (!changeIds.length) return null;
      const number = await repo.nextFileNumber();
      const name = `kabinet-${String(number).padStart(6, '0')}.xml`;
      const id = await repo.insertFile({
        number,
        name,
        changeCount: changeIds.length,
        createdAt: this.clock.now(),
      });
      await repo.assignChanges(id, changeIds);
      return { id, number, name };
    });
  }

  private async changesOf(fileId: string): Promise<ExportChange[]> {
    const rows = await this.repo.changesOf(fileId);
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
