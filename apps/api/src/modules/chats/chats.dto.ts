import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';
import {
  APPROVAL_ACTIONS,
  APPROVAL_STATES,
  CHAT_LIMITS,
  TEXT_LIMITS,
  formatChatNumber,
  type ApprovalAction,
  type ApprovalState,
  type ChatActor,
  type ChatApprovalView,
  type ChatAttachmentView,
  type ChatMessageView,
  type ChatPinView,
  type ChatReadMark,
} from '@kabinet/shared';
import { PageDto, PageQueryDto, QueryBoolean, QueryInt } from '../../common/query.dto';
import { MaxText } from '../../common/text-length';
import type { ChatListRow, ChatRow, MessageRow, ParticipantRow, PinJson } from './chats.repository';

/** A message id in a query, body or path: a positive whole number written in digits. */
export const MESSAGE_ID = /^[1-9]\d{0,17}$/;
/** The spec of a message id field. */
export const MESSAGE_ID_SPEC = {
  pattern: MESSAGE_ID.source,
  maxLength: 18,
  example: '1042',
} as const;
const messageIdMessage = (property: string) =>
  `${property} must be a message id (a positive whole number in digits)`;

export class ChatActorDto implements ChatActor {
  @ApiProperty({ enum: ['customer', 'staff'] }) kind: 'customer' | 'staff';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The staff role (manager, foreman, ...), or customer' })
  role: string;
}

export class ChatPinDto implements ChatPinView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1, 2, 3 ... per picture' }) number: number;
  @ApiProperty({ description: 'From the left edge, as a part of the width (0..1)' }) x: number;
  @ApiProperty({ description: 'From the top edge, as a part of the height (0..1)' }) y: number;
  @ApiProperty({ description: 'Plain text as typed (never HTML)' }) body: string;
  @ApiProperty({ type: ChatActorDto }) author: ChatActorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ChatAttachmentDto implements ChatAttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'What the bytes are (sniffed, not taken from the sender)' })
  mime: string;
  @ApiProperty({ enum: ['image', 'file'] }) kind: 'image' | 'file';
  @ApiProperty({ type: Number, nullable: true }) width: number | null;
  @ApiProperty({ type: Number, nullable: true }) height: number | null;
  @ApiProperty({
    type: [ChatPinDto],
    description: 'Comments pinned to the picture, by number (empty for other files)',
  })
  pins: ChatPinDto[];
}

export class ApprovalStepDto {
  @ApiProperty({ enum: APPROVAL_ACTIONS, enumName: 'ApprovalAction' }) action: ApprovalAction;
  @ApiProperty({ type: ChatActorDto }) by: ChatActorDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ChatApprovalDto implements ChatApprovalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: APPROVAL_STATES, enumName: 'ApprovalState' }) state: ApprovalState;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The picture (the version) to approve: an image of the message',
  })
  attachmentId: string | null;
  @ApiProperty({ description: 'The picture’s version: 1 for an original, 2 for its replacement…' })
  version: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The newest message that replaces this one: then this one cannot be decided',
  })
  replacedById: string | null;
  @ApiProperty({ type: [ApprovalStepDto], description: 'Oldest first' }) steps: ApprovalStepDto[];
}

export class ChatMessageDto implements ChatMessageView {
  @ApiProperty({ description: 'Grows in the order messages were stored', example: '1042' })
  id: string;
  @ApiProperty({ format: 'uuid' }) chatId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clientId: string | null;
  @ApiProperty({ enum: ['text', 'system'] }) kind: 'text' | 'system';
  @ApiProperty({ type: ChatActorDto, nullable: true }) author: ChatActorDto | null;
  @ApiProperty({ description: 'Plain text as typed (never HTML)' }) body: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'For a system line: what happened (event and names), to word it',
  })
  system: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [ChatAttachmentDto] }) attachments: ChatAttachmentDto[];
  @ApiProperty({ type: String, nullable: true }) replacesMessageId: string | null;
  @ApiProperty({ type: ChatApprovalDto, nullable: true }) approval: ChatApprovalDto | null;
}

export class ChatMessagesDto {
  @ApiProperty({ type: [ChatMessageDto], description: 'Oldest first' })
  messages: ChatMessageDto[];
  @ApiProperty({ description: 'More messages exist in the direction asked' }) more: boolean;
}

export class ChatContractRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
}

export class ChatCustomerRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ChatLastMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['text', 'system'] }) kind: 'text' | 'system';
  @ApiProperty({ description: 'The first 200 characters' }) preview: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  system: Record<string, unknown> | null;
  @ApiProperty({ type: String, enum: ['customer', 'staff'], nullable: true })
  authorKind: 'customer' | 'staff' | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty() attachments: number;
}

export class ChatListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Ч-000123' }) number: string;
  @ApiProperty({ enum: ['contract', 'general'] }) kind: 'contract' | 'general';
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: ChatContractRefDto, nullable: true }) contract: ChatContractRefDto | null;
  @ApiProperty({ type: ChatCustomerRefDto }) customer: ChatCustomerRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty({ type: ChatLastMessageDto, nullable: true })
  lastMessage: ChatLastMessageDto | null;
  @ApiProperty({ description: 'The caller takes part (else they see it by their role)' })
  participant: boolean;
  @ApiProperty({ description: 'Messages the caller has not read' }) unread: number;
  @ApiProperty({ description: 'The last message is the customer’s (staff: waiting for us)' })
  waitingForUs: boolean;
}

export class ChatPageDto extends PageDto(ChatListItemDto) {
  @ApiProperty({ description: 'Unread messages in all of the caller’s chats' })
  totalUnread: number;
}

export const CHAT_FILTERS = ['mine', 'waiting', 'all'] as const;
export type ChatFilter = (typeof CHAT_FILTERS)[number];

export class ListChatsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: TEXT_LIMITS.search,
    description: 'Chat number, contract number, customer name or phone',
  })
  @IsOptional()
  @IsString()
  @MaxText(TEXT_LIMITS.search)
  q?: string;

  @ApiPropertyOptional({
    enum: CHAT_FILTERS,
    description: 'Staff: mine (default), waiting (last message is the customer’s), all (by role)',
  })
  @IsOptional()
  @IsIn(CHAT_FILTERS)
  filter?: ChatFilter;
}

export class ChatParticipantDto {
  @ApiProperty({ format: 'uuid', description: 'The participation (to remove it)' }) id: string;
  @ApiProperty({ type: ChatActorDto }) person: ChatActorDto;
  @ApiProperty({ description: 'Reads but may not write' }) readOnly: boolean;
  @ApiProperty({ description: 'The last message id they read ("0": none)' }) lastReadId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastReadAt: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class ChatPermissionsDto {
  @ApiProperty({ description: 'The caller may send messages here' }) write: boolean;
  @ApiProperty({ description: 'Add/remove participants, ask for approvals, revoke decisions' })
  manage: boolean;
}

export class ChatDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Ч-000123' }) number: string;
  @ApiProperty({ enum: ['contract', 'general'] }) kind: 'contract' | 'general';
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: ChatContractRefDto, nullable: true }) contract: ChatContractRefDto | null;
  @ApiProperty({ type: ChatCustomerRefDto }) customer: ChatCustomerRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [ChatParticipantDto] }) participants: ChatParticipantDto[];
  @ApiProperty({ type: ChatPermissionsDto }) can: ChatPermissionsDto;
  @ApiProperty({ description: 'The caller’s read mark ("0": none, or not taking part)' })
  lastReadId: string;
  @ApiProperty() unread: number;
}

export class ChatMessagesQueryDto {
  @ApiPropertyOptional({ ...MESSAGE_ID_SPEC, description: 'Messages before this id (older)' })
  @IsOptional()
  @Matches(MESSAGE_ID, { message: ({ property }) => messageIdMessage(property) })
  before?: string;

  @ApiPropertyOptional({
    ...MESSAGE_ID_SPEC,
    description: 'Messages after this id (newer; a reconnect)',
  })
  @IsOptional()
  @Matches(MESSAGE_ID, { message: ({ property }) => messageIdMessage(property) })
  after?: string;

  @QueryInt({ min: 1, max: 100, default: CHAT_LIMITS.page })
  limit?: number;
}

export class SendMessageDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An id the client makes up for this message: sending again answers the stored one',
  })
  @IsUUID('all', { message: 'clientId must be a UUID the client made up for this message' })
  clientId: string;

  @ApiProperty({
    maxLength: CHAT_LIMITS.messageLength,
    description: 'Plain text; may be empty when files are attached',
  })
  @IsString()
  @MaxText(CHAT_LIMITS.messageLength)
  body: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    maxItems: CHAT_LIMITS.filesPerMessage,
    description: 'Files uploaded to this chat and not yet sent, in this order',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHAT_LIMITS.filesPerMessage, {
    message: `attachmentIds takes at most ${CHAT_LIMITS.filesPerMessage} files per message`,
  })
  @IsUUID('all', { each: true, message: 'each attachment id must be a UUID' })
  attachmentIds?: string[];

  @ApiPropertyOptional({ description: 'Staff: the customer is asked to approve or reject it' })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Approve by (YYYY-MM-DD)',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'approvalDeadline must be a date as YYYY-MM-DD',
  })
  approvalDeadline?: string | null;

  @ApiPropertyOptional({
    ...MESSAGE_ID_SPEC,
    type: String,
    nullable: true,
    description: 'The message whose picture this one is a new version of',
  })
  @IsOptional()
  @Matches(MESSAGE_ID, { message: ({ property }) => messageIdMessage(property) })
  replacesMessageId?: string | null;
}

export class ChatMarkReadDto {
  @ApiProperty({ ...MESSAGE_ID_SPEC, description: 'The last message id the reader has seen' })
  @Matches(MESSAGE_ID, { message: ({ property }) => messageIdMessage(property) })
  lastReadId: string;
}

export class UnreadDto {
  @ApiProperty({ description: 'Unread in this chat' }) unread: number;
  @ApiProperty({ description: 'Unread in all the caller’s chats' }) total: number;
}

export class TotalUnreadDto {
  @ApiProperty() total: number;
}

export class AddParticipantDto {
  @ApiProperty({ format: 'uuid', description: 'The staff member to add' })
  @IsUUID('all', { message: 'staffUserId must be a staff member’s id' })
  staffUserId: string;
}

export class CandidatesQueryDto {
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.search })
  @IsOptional()
  @IsString()
  @MaxText(TEXT_LIMITS.search)
  q?: string;
}

export class CreateChatDto {
  @ApiProperty({ format: 'uuid', description: 'The customer to talk to' })
  @IsUUID('all', { message: 'customerId must be a customer’s id' })
  customerId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'About this contract of theirs',
  })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a contract’s id' })
  contractId?: string | null;

  @ApiPropertyOptional({ maxLength: 200, description: 'A subject' })
  @IsOptional()
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxText(200)
  title?: string;
}

export class ChatMaterialDto extends OmitType(ChatAttachmentDto, ['pins'] as const) {
  @ApiProperty() messageId: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
}

export class ChatMaterialPageDto extends PageDto(ChatMaterialDto) {}

export class MaterialsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['image', 'file'],
    description: 'Only pictures, or only other files',
  })
  @IsOptional()
  @IsIn(['image', 'file'])
  kind?: 'image' | 'file';
}

export class AttachmentQueryDto {
  @QueryBoolean('Offer it as a download even when a browser could show it')
  download?: boolean;
}

export class ChatReadMarkDto implements ChatReadMark {
  @ApiProperty({ format: 'uuid' }) chatId: string;
  @ApiProperty({ type: ChatActorDto }) reader: ChatActorDto;
  @ApiProperty() lastReadId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

// Mappers: rows as the statements select them → the DTOs above.

const iso = (d: Date | string) => new Date(d).toISOString();

/** Who did something, from the customer or staff id and name a statement selected. */
function actorOf(r: {
  customerId: string | null;
  staffUserId: string | null;
  name: string | null;
  role: string | null;
}): ChatActorDto {
  return r.customerId
    ? { kind: 'customer', id: r.customerId, name: r.name ?? '', role: 'customer' }
    : { kind: 'staff', id: r.staffUserId ?? '', name: r.name ?? '', role: r.role ?? 'staff' };
}

export function toPin(p: PinJson): ChatPinDto {
  return {
    id: p.id,
    number: p.number,
    x: p.x,
    y: p.y,
    body: p.body,
    author: actorOf(p),
    createdAt: iso(p.createdAt),
  };
}

export function toMessage(r: MessageRow): ChatMessageDto {
  const author: ChatActorDto | null = r.author_customer_id
    ? { kind: 'customer', id: r.author_customer_id, name: r.author_name ?? '', role: 'customer' }
    : r.author_staff_id
      ? {
          kind: 'staff',
          id: r.author_staff_id,
          name: r.author_name ?? '',
          role: r.author_role ?? 'staff',
        }
      : null;
  const a = r.approval;
  return {
    id: String(r.id),
    chatId: r.chat_id,
    clientId: r.client_id,
    kind: r.kind,
    author,
    body: r.body,
    system: r.system_data,
    createdAt: iso(r.created_at),
    attachments: r.attachments.map((x) => ({
      ...x,
      size: Number(x.size),
      pins: (x.pins ?? []).map(toPin),
    })),
    replacesMessageId: r.replaces_message_id === null ? null : String(r.replaces_message_id),
    approval: a
      ? {
          id: a.id,
          state: a.state as ApprovalState,
          deadline: a.deadline,
          attachmentId: a.attachmentId,
          version: a.version,
          replacedById: a.replacedById,
          steps: (a.steps ?? []).map((s) => ({
            action: s.action as ApprovalAction,
            by: actorOf(s),
            at: iso(s.at),
            reason: s.reason,
          })),
        }
      : null,
  };
}

export function toListItem(r: ChatListRow): ChatListItemDto {
  return {
    id: r.id,
    number: formatChatNumber(r.number),
    kind: r.kind,
    title: r.title,
    contract: r.contract_id ? { id: r.contract_id, number: r.contract_number ?? '' } : null,
    customer: { id: r.customer_id, name: r.customer_name },
    createdAt: iso(r.created_at),
    lastActivityAt: iso(r.last_activity_at),
    lastMessage:
      r.last_id === null
        ? null
        : {
            id: String(r.last_id),
            kind: r.last_kind ?? 'text',
            preview: r.last_body ?? '',
            system: r.last_system,
            authorKind: r.last_author_kind,
            authorName: r.last_author_name,
            attachments: r.last_attachments,
          },
    participant: r.participant,
    unread: r.unread,
    waitingForUs: r.last_author_kind === 'customer',
  };
}

export function toParticipant(p: ParticipantRow): ChatParticipantDto {
  return {
    id: p.id,
    person: { kind: p.kind, id: p.person_id, name: p.name, role: p.role },
    readOnly: p.read_only,
    lastReadId: String(p.last_read_id),
    lastReadAt: p.last_read_at ? iso(p.last_read_at) : null,
    addedAt: iso(p.added_at),
  };
}

export function chatHead(
  r: ChatRow,
): Pick<ChatDto, 'id' | 'number' | 'kind' | 'title' | 'contract' | 'customer' | 'createdAt'> {
  return {
    id: r.id,
    number: formatChatNumber(r.number),
    kind: r.kind,
    title: r.title,
    contract: r.contract_id ? { id: r.contract_id, number: r.contract_number ?? '' } : null,
    customer: { id: r.customer_id, name: r.customer_name },
    createdAt: iso(r.created_at),
  };
}
