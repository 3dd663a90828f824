import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { typeormSql, type Sql } from '../../database/portable-sql';
import { storeFile } from './stored-files';

/** `storeFile` for the app: the bytes stored and what refers to them written in one transaction. */
@Injectable()
export class StoredFilesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the bytes (once) and runs `refer` with their id in the same transaction. */
  store<T>(bytes: Buffer, refer: (tx: Sql, fileId: string) => Promise<T>): Promise<T> {
    return typeormSql(this.db).transaction(async (tx) => refer(tx, await storeFile(tx, bytes)));
  }
}
