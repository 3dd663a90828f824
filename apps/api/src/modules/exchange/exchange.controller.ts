import { ApiIdParams, idPipe } from '../../common/id-param';
import { Upload } from '../../common/edge';
import { readSingleUpload } from '../../common/upload';
import { PageQueryDto } from '../../common/query.dto';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { fileDisposition } from '../../common/content-disposition';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { ExchangeAdminService } from './exchange-admin.service';
import {
  ExchangeRunPageDto,
  ExchangeStatusDto,
  ExportFilePageDto,
  UploadAcceptedDto,
} from './exchange.dto';
import { ExchangeService } from './exchange.service';

@ApiTags('exchange')
@Controller('exchange')
export class ExchangeController {
  constructor(
    private readonly admin: ExchangeAdminService,
    private readonly exchange: ExchangeService,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Where 1C files come from, the schedule, whether a run is going' })
  @Authenticated({ permission: 'exchange.read' })
  @ApiOkResponse({ type: ExchangeStatusDto })
  getExchangeStatus(@Auth() auth: AuthContext) {
    return this.admin.status(auth);
  }

  @Get('runs')
  @ApiOperation({ summary: 'Import runs, newest first, with their files, counts and errors' })
  @Authenticated({ permission: 'exchange.read' })
  @ApiOkResponse({ type: ExchangeRunPageDto })
  listExchangeRuns(@Auth() auth: AuthContext, @Query() query: PageQueryDto) {
    return this.admin.runs(auth, query);
  }

  @Post('runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the exchange now (import the inbox, write the outbox)' })
  @Authenticated({ permission: 'exchange.manage' })
  @ApiAcceptedResponse({ description: 'The run started' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A run is in progress' })
  async startExchangeRun(@Auth() auth: AuthContext): Promise<void> {
    void auth;
    await this.exchange.startCycle('manual');
  }

  @Post('uploads')
  @Upload()
  @HttpCode(202)
  @ApiOperation({ summary: 'Upload a 1C file by hand: it goes to the inbox and a run starts' })
  @Authenticated({ permission: 'exchange.manage' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: UploadAcceptedDto })
  async uploadExchangeFile(@Auth() auth: AuthContext, @Req() req: FastifyRequest) {
    const { part, read } = await readSingleUpload(req, { what: 'an XML file' });
    return read(this.admin.upload(auth, part.filename, part.file, () => part.file.truncated));
  }

  @Get('files/:id/original')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Download an imported (or failed) file as 1C sent it' })
  @Authenticated({ permission: 'exchange.read' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async downloadExchangeFile(@Auth() auth: AuthContext, @Param('id', idPipe('File')) id: string) {
    const { name, stream } = await this.admin.original(auth, id);
    return new StreamableFile(stream, {
      type: 'application/xml',
      disposition: fileDisposition(name, 'attachment'),
    });
  }

  @Get('files/:id/report')
  @ApiIdParams('id')
  @ApiOperation({
    summary:
      'The text report of a file: a failed one’s error (what and where: line, element), an imported one’s warnings and skipped parts',
  })
  @Authenticated({ permission: 'exchange.read' })
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  getExchangeFileReport(@Auth() auth: AuthContext, @Param('id', idPipe('File')) id: string) {
    return this.admin.report(auth, id);
  }

  @Get('exports')
  @ApiOperation({ summary: 'Files of Kabinet changes written for 1C' })
  @Authenticated({ permission: 'exchange.read' })
  @ApiOkResponse({ type: ExportFilePageDto })
  listExportFiles(@Auth() auth: AuthContext, @Query() query: PageQueryDto) {
    return this.admin.exports(auth, query);
  }
}
