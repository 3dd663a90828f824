import { ApiIdParams, idPipe } from '../../common/id-param';
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
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  ContractDto,
  ContractFiltersDto,
  ContractsSummaryDto,
  ContractPageDto,
  ItemsPdfQueryDto,
  ListContractsQueryDto,
} from './contracts.dto';
import { ContractsService } from './contracts.service';
import { pdfLanguage } from './items-pdf';

@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @ApiOperation({ summary: 'List the contracts I may see' })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: ContractPageDto })
  listContracts(@Auth() auth: AuthContext, @Query() query: ListContractsQueryDto) {
    return this.contracts.list(auth, query);
  }

  @Get('filters')
  @ApiOperation({ summary: 'The statuses and managers the list can be filtered by' })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: ContractFiltersDto })
  contractFilters(@Auth() auth: AuthContext) {
    return this.contracts.filters(auth);
  }

  @Get('summary')
  @ApiOperation({ summary: 'How many contracts I have and what is left to pay on the active ones' })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: ContractsSummaryDto })
  contractsSummary(@Auth() auth: AuthContext) {
    return this.contracts.summary(auth);
  }

  @Get(':id')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'A contract with its goods and services' })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: ContractDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  getContract(@Auth() auth: AuthContext, @Param('id', idPipe('Contract')) id: string) {
    return this.contracts.get(auth, id);
  }

  @Post(':id/seen')
  @HttpCode(204)
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'I opened my contract: it is no longer marked changed, its notifications are read',
    description:
      'What the contract page sends when a customer opens it; `GET /api/contracts/{id}` only ' +
      'reads. Customers only, their own contracts; refused while staff view as the customer.',
  })
  @Authenticated({ permission: 'notification.read' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  markContractSeen(@Auth() auth: AuthContext, @Param('id', idPipe('Contract')) id: string) {
    return this.contracts.markSeen(auth, id);
  }

  @Get(':id/items.pdf')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'The goods and services of a contract as a PDF (A4, fonts embedded)',
    description:
      'The same contract and access rules as `GET /api/contracts/{id}`. Russian unless `lang` ' +
      'or `Accept-Language` asks for English. Downloading does not mark the contract as seen.',
  })
  @Authenticated({ permission: 'contract.read' })
  @Header('cache-control', 'private, no-store')
  @ApiHeader({
    name: 'accept-language',
    required: false,
    description:
      'English when it prefers `en` to `ru` (unless `lang` is given); a longer value than 1000 characters is not read',
    schema: { type: 'string', maxLength: 1000 },
  })
  @ApiOkResponse({
    description: 'The PDF, as an attachment named e.g. «ГМ-000101 товары и услуги.pdf»',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'content-disposition': {
        description: 'attachment; filename="…"; filename*=UTF-8\'\'… (RFC 6266, RFC 5987)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ type: ProblemDto })
  async getContractItemsPdf(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Contract')) id: string,
    @Query() query: ItemsPdfQueryDto,
    @Req() req: FastifyRequest,
  ) {
    const language = pdfLanguage(query.lang, req.headers['accept-language']);
    const { pdf, disposition } = await this.contracts.itemsPdf(auth, id, language);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition, length: pdf.length });
  }
}
