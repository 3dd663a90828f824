import { Repository } from '../../database/repository';
import { sql } from '../../database/sql';

/** A stored file's new row (its bytes and what they are). */
export interface NewStoredFile {
  sha256: string;
  size: number;
  mime: string;
  content: Buffer;
}

/**
 * `stored_files`: bytes kept once per SHA-256. No Nest here (the slim import process builds it
 * with `new` on its transaction); the statement texts are constant, so `pg` prepares each once.
 */
export class FilesRepository extends Repository {
  /** The id of the stored file with these bytes (by their SHA-256), if any. */
  async idBySha256(sha256: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      sql`SELECT id FROM stored_files WHERE sha256 = ${sha256}`,
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Inserts the file unless its SHA-256 is stored (or being stored by a concurrent transaction:
   * then the INSERT waits for it and does nothing); answers the new row's id, or null.
   */
  async insertUnlessStored(file: NewStoredFile): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      sql`INSERT INTO stored_files (sha256, size, mime, content)
          VALUES (${file.sha256}, ${file.size}, ${file.mime}, ${file.content})
          ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    );
    return rows[0]?.id ?? null;
  }
}
