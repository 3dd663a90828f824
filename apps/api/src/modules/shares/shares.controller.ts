import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdParams, idPipe } from '../../common/id-param';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { CreateShareDto, ReceivedShareDto, ShareDto, UpdateShareDto } from './shares.dto';
import { SharesService } from './shares.service';

/** Family members: a contract's owner shares it by phone; staff see and revoke the shares. */
@ApiTags('shares')
@Controller()
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Get('contracts/:id/shares')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Who my contract is shared with (its owner), or a contract’s shares (staff)',
    description:
      'The owner 1C names and staff who may see the contract; anyone else (a person it is ' +
      'shared with too) gets 404. Staff also see whose account each share lets in.',
  })
  @Authenticated({ permission: 'share.manage' })
  @ApiOkResponse({ type: [ShareDto] })
  @ApiNotFoundResponse({ type: ProblemDto })
  listContractShares(@Auth() auth: AuthContext, @Param('id', idPipe('Contract')) id: string) {
    return this.shares.list(auth, id);
  }

  @Post('contracts/:id/shares')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Share my contract with a family member by phone, read-only or in full',
    description:
      'Only the contract’s owner (staff: 403). The person logs in with a code sent to the phone ' +
      'and sees only this contract (and its chats). Not one’s own phone, not twice, at most ' +
      '`SHARE_LIMITS.activePerContract` people (400, on `phone`); 409 while a 1C import is ' +
      'giving phones to customers. Audited.',
  })
  @Authenticated({ permission: 'share.manage' })
  @ApiCreatedResponse({ type: ShareDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  createContractShare(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Contract')) id: string,
    @Body() body: CreateShareDto,
  ) {
    return this.shares.create(auth, id, body);
  }

  @Patch('shares/:id')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Change what a share of my contract allows',
    description: 'Only the contract’s owner (staff: 403); a revoked share is 404. Audited.',
  })
  @Authenticated({ permission: 'share.manage' })
  @ApiOkResponse({ type: ShareDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  updateShare(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Share')) id: string,
    @Body() body: UpdateShareDto,
  ) {
    return this.shares.update(auth, id, body);
  }

  @Delete('shares/:id')
  @HttpCode(204)
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Revoke a share: the person loses the contract at once',
    description:
      'The contract’s owner, or staff who may see the contract. Revoking a revoked share ' +
      'changes nothing (204). Audited.',
  })
  @Authenticated({ permission: 'share.manage' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  revokeShare(@Auth() auth: AuthContext, @Param('id', idPipe('Share')) id: string) {
    return this.shares.revoke(auth, id);
  }

  @Get('shares/received')
  @ApiOperation({
    summary: 'The contracts others shared with me, with whose they are and what I may do',
    description: 'Customers; staff get an empty list.',
  })
  @Authenticated({ permission: 'contract.read' })
  @ApiOkResponse({ type: [ReceivedShareDto] })
  receivedShares(@Auth() auth: AuthContext) {
    return this.shares.received(auth);
  }
}
