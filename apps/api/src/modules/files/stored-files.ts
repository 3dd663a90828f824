import { createHash } from 'node:crypto';
import type { Sql } from '../../database/portable-sql';
import { sniffMime } from './sniff';

/**
 * Stores the bytes once (content-addressed by SHA-256) and answers the stored file's id, within
 * the caller's transaction. Safe against a concurrent transaction storing the same bytes: the
 * INSERT waits for it and then does nothing, and the SELECT after it sees its committed row —
 * no unique-index error that would fail the whole import. The first SELECT only saves sending
 * bytes that are already stored (a re-import). Works through the portable `Sql`, so in the
 * slim import process too; the statement texts are constant, so `pg` prepares each once.
 */
export async function storeFile(sql: Sql, bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await sql.query<{ id: string }>(
    'SELECT id FROM stored_files WHERE sha256 = $1',
    [sha256],
  );
  if (existing[0]) return existing[0].id;
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO stored_files (sha256, size, mime, content) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    [sha256, bytes.length, sniffMime(bytes), bytes],
  );
  if (inserted[0]) return inserted[0].id;
  const stored = await sql.query<{ id: string }>('SELECT id FROM stored_files WHERE sha256 = $1', [
    sha256,
  ]);
  if (!stored[0]) throw new Error(`Stored file ${sha256} vanished while being stored`);
  return stored[0].id;
}
