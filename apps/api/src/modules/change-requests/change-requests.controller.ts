import { ApiIdParams, idPipe } from '../../common/id-param';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  ChangeRequestDto,
  ChangeRequestPageDto,
  ListChangeRequestsQueryDto,
  ResolveChangeRequestDto,
} from './change-requests.dto';
import { ChangeRequestsService } from './change-requests.service';

/** The staff queue of contact change requests (documented under `profile`, as it always was). */
@ApiTags('profile')
@Controller()
export class ChangeRequestsController {
  constructor(private readonly changeRequests: ChangeRequestsService) {}

  @Get('change-requests')
  @ApiOperation({ summary: 'The queue of customers’ contact change requests' })
  @Authenticated({ permission: 'changeRequest.manage' })
  @ApiOkResponse({ type: ChangeRequestPageDto })
  listChangeRequests(@Auth() auth: AuthContext, @Query() query: ListChangeRequestsQueryDto) {
    return this.changeRequests.queue(auth, query);
  }

  @Post('change-requests/:id/resolution')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Mark a change request done or rejected, with an answer' })
  @Authenticated({ permission: 'changeRequest.manage' })
  @ApiCreatedResponse({ type: ChangeRequestDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  resolveChangeRequest(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Change request')) id: string,
    @Body() body: ResolveChangeRequestDto,
  ) {
    return this.changeRequests.resolve(auth, id, body);
  }
}
