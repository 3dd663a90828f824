import { Inject, Injectable } from '@nestjs/common';
import { Repository } from '../../database/repository';
import { DB, sql, type Db, type Sql } from '../../database/sql';

/** A contract document's file (`file`). */
export interface DocumentFileRow {
  content: Buffer;
  mime: string;
  file_name: string;
}

/** The files of contract documents. */
@Injectable()
export class DocumentsRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * One statement: the bytes of live document `documentId` of live contract `contractId`, when
   * the contract passes `scope` (a condition on `c`); none otherwise.
   */
  async file(o: {
    documentId: string;
    contractId: string;
    scope: Sql;
  }): Promise<DocumentFileRow | undefined> {
    const rows = await this.db.query<DocumentFileRow>(
      sql`SELECT f.content, f.mime, d.file_name
         FROM contract_documents d
         JOIN contracts c ON c.id = d.contract_id
         JOIN stored_files f ON f.id = d.file_id
        WHERE d.id = ${o.documentId} AND d.contract_id = ${o.contractId} AND d.archived_at IS NULL
          AND c.archived_at IS NULL AND ${o.scope}`,
    );
    return rows[0];
  }
}
