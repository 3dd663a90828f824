import { createHash } from 'node:crypto';
import type { Db } from '../../database/sql';
import { FilesRepository } from './files.repository';
import { sniffMime } from './sniff';

/**
 * Stores the bytes once (content-addressed by SHA-256) and answers the stored file's id, within
 * the caller's transaction `tx`. Safe against a concurrent transaction storing the same bytes: the
 * INSERT waits for it and then does nothing, and the SELECT after it sees its committed row —
 * no unique-index error that would fail the whole import. The first SELECT only saves sending
 * bytes that are already stored (a re-import). No Nest, so the slim import process stores
 * documents with it too.
 */
export async function storeFile(tx: Db, bytes: Buffer): Promise<string> {
  const files = new FilesRepository(tx);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await files.idBySha256(sha256);
  if (existing) return existing;
  const inserted = await files.insertUnlessStored({
    sha256,
    size: bytes.length,
    mime: sniffMime(bytes),
    content: bytes,
  });
  if (inserted) return inserted;
  const stored = await files.idBySha256(sha256);
  if (!stored) throw new Error(`Stored file ${sha256} vanished while being stored`);
  return stored;
}
