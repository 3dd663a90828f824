import { Injectable } from '@nestjs/common';
import { fileDisposition } from '../../common/content-disposition';
import { DomainError } from '../../common/domain-error';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import { isViewable } from '../files/sniff';
import { DocumentsRepository } from './documents.repository';

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
    private readonly repo: DocumentsRepository,
    private readonly access: AccessService,
  ) {}

  /** One statement: the access check and the bytes together; 404 for anything not mine. */
  async file(
    auth: AuthContext,
    contractId: string,
    documentId: string,
    options: { download?: boolean } = {},
  ): Promise<DocumentFile> {
    const row = await this.repo.file({
      documentId,
      contractId,
      scope: this.access.contractScope(auth, 'c'),
    });
    if (!row) throw DomainError.notFound('Document');
    const inline = isViewable(row.mime) && !options.download;
    return {
      content: row.content,
      mime: row.mime,
      disposition: fileDisposition(row.file_name, inline ? 'inline' : 'attachment'),
    };
  }
}
