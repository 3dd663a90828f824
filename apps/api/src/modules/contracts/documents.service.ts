import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fileDisposition } from '../../common/content-disposition';
import { DomainError } from '../../common/domain-error';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import { isViewable } from '../files/sniff';

export interface DocumentFile {
  content: Buffer;
  mime: string;
  /** `inline` only for what a browser may show from us (PDF, images) and when not asked to save. */
  disposition: string;
}

/** The files of contract documents, for those who may see the contract. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** One statement: the access check and the bytes together; 404 for anything not mine. */
  async file(
    auth: AuthContext,
    contractId: string,
    documentId: string,
    options: { download?: boolean } = {},
  ): Promise<DocumentFile> {
    const scope = this.access.contractScopeText(auth, 'c', 3);
    const rows: Array<{ content: Buffer; mime: string; file_name: string }> = await this.db.query(
      `SELECT f.content, f.mime, d.file_name
         FROM contract_documents d
         JOIN contracts c ON c.id = d.contract_id
         JOIN stored_files f ON f.id = d.file_id
        WHERE d.id = $1 AND d.contract_id = $2 AND d.archived_at IS NULL
          AND c.archived_at IS NULL AND ${scope.sql}`,
      [documentId, contractId, ...scope.params],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Document');
    const inline = isViewable(row.mime) && !options.download;
    return {
      content: row.content,
      mime: row.mime,
      disposition: fileDisposition(row.file_name, inline ? 'inline' : 'attachment'),
    };
  }
}
