import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

/** A multipart body that cannot be read (cut off, no parts, a broken header): the client's fault. */
function unreadable(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const status = (err as { statusCode?: unknown })?.statusCode;
  // @fastify/multipart's own limits (413) and checks (400) already say what is wrong.
  if (typeof status === 'number' && status >= 400 && status < 500) return err;
  return new DomainError(
    'malformed_request',
    `The upload is not a readable multipart/form-data body (${(err as Error)?.message ?? 'unknown error'})`,
  );
}

export interface SingleUpload {
  part: MultipartFile;
  /** Runs what reads the file; a body that breaks while it is read is a 400, not a 500. */
  read<T>(work: Promise<T>): Promise<T>;
}

/**
 * The one file of an upload route (`@Upload()`), in the part named `file`, with a name. Every
 * way a body can be wrong (not multipart, no file part, an empty file name, a body of only a
 * boundary, a body cut off while it is read) is a 4xx problem with a message.
 */
export async function readSingleUpload(
  req: FastifyRequest,
  options: { what: string; fileSize?: number },
): Promise<SingleUpload> {
  const choose = (message = `Choose ${options.what} to upload`) =>
    DomainError.validation([{ path: 'file', message }]);
  if (!req.isMultipart()) throw choose(`Send ${options.what} as multipart/form-data`);
  let part: MultipartFile | undefined;
  try {
    part = await req.file(
      options.fileSize
        ? {
            throwFileSizeLimit: false,
            limits: { fileSize: options.fileSize, files: 1, fields: 0, parts: 1 },
          }
        : undefined,
    );
  } catch (err) {
    throw unreadable(err);
  }
  if (!part || part.fieldname !== 'file') throw choose();
  if (!part.filename?.trim())
    throw choose(`The file has no name: choose ${options.what} to upload`);
  let broken: unknown = null;
  part.file.once('error', (err) => (broken = err));
  return {
    part,
    read: async (work) => {
      try {
        return await work;
      } catch (err) {
        // The part's stream failed and not on a system call (a full disk stays a 500): the body
        // broke while it was read (cut off, a broken boundary), which is the client's doing.
        const fromBody =
          (broken !== null || part.file.errored !== null) &&
          !(err instanceof DomainError) &&
          (err as { syscall?: unknown })?.syscall === undefined;
        throw fromBody ? unreadable(err) : err;
      }
    },
  };
}
