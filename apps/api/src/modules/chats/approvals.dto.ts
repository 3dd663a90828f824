import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import {
  APPROVAL_ACTIONS,
  APPROVAL_STATES,
  CHAT_LIMITS,
  formatChatNumber,
  type ApprovalAction,
  type ApprovalState,
} from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { PageDto, PageQueryDto } from '../../common/query.dto';
import { MaxText } from '../../common/text-length';
import type { ContractApprovalRow } from './approvals.repository';
import { ChatActorDto, MESSAGE_ID, MESSAGE_ID_SPEC } from './chats.dto';

/**
 * A message id in the path (`@Param('messageId', MessageIdPipe)`): anything but digits is "not
 * found" (404), like an id of a message that is not there.
 */
@Injectable()
export class MessageIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !MESSAGE_ID.test(value)) throw DomainError.notFound('Message');
    return value;
  }
}

/** Says in the spec that `messageId` is a message id (digits), so clients and fuzzers know. */
export function ApiMessageIdParam(): MethodDecorator {
  return applyDecorators(
    ApiParam({
      name: 'messageId',
      required: true,
      schema: { type: 'string', ...MESSAGE_ID_SPEC },
      description: 'A message id (digits); anything else: 404',
    }),
  );
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class RequestApprovalDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Approve by (YYYY-MM-DD; today or later in the company’s time zone)',
  })
  @IsOptional()
  // The checks run from the property up: the shape first, then a day the calendar has.
  @IsISO8601({ strict: true }, { message: 'deadline must be a day the calendar has' })
  @Matches(DATE, { message: 'deadline must be a date as YYYY-MM-DD' })
  deadline?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The picture to approve, one of the message’s images (default: its first image)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'attachmentId must be the id of an image of the message' })
  attachmentId?: string | null;
}

export class ApprovalReasonDto {
  @ApiProperty({
    maxLength: CHAT_LIMITS.reasonLength,
    description: 'Why (required): the customer’s rejection, or staff’s revocation',
  })
  // The checks run from the property up: "required" before "too long".
  @MaxText(CHAT_LIMITS.reasonLength)
  @IsString({ message: 'reason is required: say why' })
  reason: string;
}

export class ApprovalLastStepDto {
  @ApiProperty({ enum: APPROVAL_ACTIONS, enumName: 'ApprovalAction' }) action: ApprovalAction;
  @ApiProperty({ type: ChatActorDto }) by: ChatActorDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ApprovalChatRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Ч-000123' }) number: string;
}

export class ApprovalAttachmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** An approval as the contract page lists it. */
export class ContractApprovalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: APPROVAL_STATES, enumName: 'ApprovalState' }) state: ApprovalState;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({
    description: 'Waiting for the customer (pending or revoked) and the deadline has passed',
  })
  overdue: boolean;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: ApprovalChatRefDto }) chat: ApprovalChatRefDto;
  @ApiProperty({ example: '1042' }) messageId: string;
  @ApiProperty({ description: 'The message’s first 200 characters' }) preview: string;
  @ApiProperty({
    type: ApprovalAttachmentRefDto,
    nullable: true,
    description: 'The picture (version) to approve',
  })
  attachment: ApprovalAttachmentRefDto | null;
  @ApiProperty({ description: 'The picture’s version: 1 for an original, 2 for its replacement…' })
  version: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The newest message that replaces this one (a newer version), if any',
  })
  replacedById: string | null;
  @ApiProperty({ type: ApprovalLastStepDto }) lastStep: ApprovalLastStepDto;
}

export class ContractApprovalPageDto extends PageDto(ContractApprovalDto) {}

export class ContractApprovalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: APPROVAL_STATES,
    enumName: 'ApprovalState',
    description: 'Only approvals in this state',
  })
  @IsOptional()
  @IsIn(APPROVAL_STATES)
  state?: ApprovalState;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function toContractApproval(r: ContractApprovalRow, today: string): ContractApprovalDto {
  const waiting = r.state === 'pending' || r.state === 'revoked';
  return {
    id: r.id,
    state: r.state,
    deadline: r.deadline,
    overdue: waiting && r.deadline !== null && r.deadline < today,
    requestedAt: iso(r.created_at),
    chat: { id: r.chat_id, number: formatChatNumber(r.chat_number) },
    messageId: String(r.message_id),
    preview: r.preview,
    attachment: r.attachment_id ? { id: r.attachment_id, name: r.attachment_name ?? '' } : null,
    version: r.version,
    replacedById: r.replaced_by_id,
    lastStep: {
      action: r.step_action,
      by: r.step_customer_id
        ? { kind: 'customer', id: r.step_customer_id, name: r.step_name ?? '', role: 'customer' }
        : {
            kind: 'staff',
            id: r.step_staff_user_id ?? '',
            name: r.step_name ?? '',
            role: r.step_role ?? 'staff',
          },
      at: iso(r.step_at),
      reason: r.step_reason,
    },
  };
}
