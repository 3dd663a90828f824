import { ApiIdParams, idPipe } from '../../common/id-param';
import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { DocumentFileQueryDto } from './contracts.dto';
import { DocumentsService } from './documents.service';

@ApiTags('contracts')
@Controller('contracts')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/documents/:documentId/file')
  @ApiIdParams('id', 'documentId')
  @ApiOperation({
    summary:
      'A contract document’s file: shown in the browser (PDF, images) or, with download=true, saved',
  })
  @Authenticated({ permission: 'contract.read' })
  @ApiProduces('application/pdf', 'image/*', 'application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async getDocumentFile(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Contract')) id: string,
    @Param('documentId', idPipe('Document')) documentId: string,
    @Query() query: DocumentFileQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.documents.file(auth, id, documentId, query);
    // Only PDFs and images are ever shown inline (sniffed from the bytes); the browser's PDF viewer
    // needs no page policy, and nothing here runs scripts.
    reply.removeHeader('content-security-policy');
    reply.header('cache-control', 'private, max-age=300');
    reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(file.content, {
      type: file.mime,
      length: file.content.length,
      disposition: file.disposition,
    });
  }
}
