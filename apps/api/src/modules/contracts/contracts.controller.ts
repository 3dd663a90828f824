import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem.dto';
import { DomainError } from '../../common/domain-error';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  ContractDto,
  ContractFiltersDto,
  ContractPageDto,
  ListContractsQueryDto,
} from './contracts.dto';
import { ContractsService } from './contracts.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Contract') });

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

  @Get(':id')
  @ApiOperation({ summary: 'A contract with its goods and services' })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: ContractDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  getContract(@Auth() auth: AuthContext, @Param('id', uuid) id: string) {
    return this.contracts.get(auth, id);
  }
}
