import { Inject, Injectable } from '@nestjs/common';
import { DB, type Database, type Db } from '../../database/sql';
import { storeFile } from './stored-files';

/** `storeFile` for the app: the bytes stored and what refers to them written in one transaction. */
@Injectable()
export class StoredFilesService {
  constructor(@Inject(DB) private readonly db: Database) {}

  /** Stores the bytes (once) and runs `refer` with their id in the same transaction. */
  store<T>(bytes: Buffer, refer: (tx: Db, fileId: string) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => refer(tx, await storeFile(tx, bytes)));
  }
}
