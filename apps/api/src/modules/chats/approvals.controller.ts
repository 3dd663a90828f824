import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdParams, idPipe } from '../../common/id-param';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  ApiMessageIdParam,
  ApprovalReasonDto,
  ContractApprovalPageDto,
  ContractApprovalsQueryDto,
  MessageIdPipe,
  RequestApprovalDto,
} from './approvals.dto';
import { ApprovalsService } from './approvals.service';
import { ChatMessageDto } from './chats.dto';

/**
 * Approvals in chats: staff put a message up for approval, the customer approves or rejects it,
 * staff revoke a decision; the contract page lists a contract's approvals. Every change answers
 * the message as the chat shows it (its approval with every step).
 */
@ApiTags('chats')
@Controller()
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Post('chats/:id/messages/:messageId/approval')
  @ApiIdParams('id')
  @ApiMessageIdParam()
  @ApiOperation({
    summary: 'Staff: ask the customer to approve a message sent earlier (optionally by a date)',
    description:
      'The approval names the picture (version) to approve: `attachmentId`, or the message’s ' +
      'first image. A message has at most one approval (asking again: 409); a message a newer ' +
      'version replaces cannot be put up (409).',
  })
  @Authenticated({ permission: 'chat.manage' })
  @ApiCreatedResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto })
  requestApproval(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('messageId', MessageIdPipe) messageId: string,
    @Body() body: RequestApprovalDto,
  ) {
    return this.approvals.request(auth, id, messageId, body);
  }

  @Post('chats/:id/messages/:messageId/approval/approve')
  @HttpCode(200)
  @ApiIdParams('id')
  @ApiMessageIdParam()
  @ApiOperation({
    summary: 'The customer approves the message (pending, or again after staff revoked)',
    description:
      'A decided approval cannot be decided again until staff revoke it (409); a message a ' +
      'newer version of its picture replaces cannot be decided (409).',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto })
  approveMessage(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('messageId', MessageIdPipe) messageId: string,
  ) {
    return this.approvals.decide(auth, id, messageId, 'approved');
  }

  @Post('chats/:id/messages/:messageId/approval/reject')
  @HttpCode(200)
  @ApiIdParams('id')
  @ApiMessageIdParam()
  @ApiOperation({ summary: 'The customer rejects the message, saying why' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto })
  rejectMessage(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('messageId', MessageIdPipe) messageId: string,
    @Body() body: ApprovalReasonDto,
  ) {
    return this.approvals.decide(auth, id, messageId, 'rejected', body.reason);
  }

  @Post('chats/:id/messages/:messageId/approval/revoke')
  @HttpCode(200)
  @ApiIdParams('id')
  @ApiMessageIdParam()
  @ApiOperation({
    summary: 'Staff: revoke the customer’s decision, saying why; the customer decides again',
  })
  @Authenticated({ permission: 'chat.manage' })
  @ApiOkResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto })
  revokeApproval(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('messageId', MessageIdPipe) messageId: string,
    @Body() body: ApprovalReasonDto,
  ) {
    return this.approvals.revoke(auth, id, messageId, body.reason);
  }

  @Get('contracts/:id/approvals')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'A contract’s approvals and their state (in the chats the caller may see)',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ContractApprovalPageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  contractApprovals(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Contract')) id: string,
    @Query() query: ContractApprovalsQueryDto,
  ) {
    return this.approvals.forContract(auth, id, query);
  }
}
