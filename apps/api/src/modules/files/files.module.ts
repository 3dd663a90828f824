import { Module } from '@nestjs/common';
import { StoredFilesService } from './stored-files.service';

/**
 * Files kept in PostgreSQL (`stored_files`), once per SHA-256, their type read from the bytes.
 * `storeFile` itself needs no Nest (the import child process stores documents with it).
 */
@Module({ providers: [StoredFilesService], exports: [StoredFilesService] })
export class FilesModule {}
