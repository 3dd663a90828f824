import { PageQueryDto, QueryBoolean, PageDto } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@kabinet/shared';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind: NotificationKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'The facts the text is made of, per kind',
  })
  params: Record<string, string | null>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractId: string | null;
  @ApiProperty({ type: String, nullable: true }) contractNumber: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The chat it is about (chat kinds): it opens /chats/{chatId}',
  })
  chatId: string | null;
  @ApiProperty({
    format: 'date-time',
    description: 'When it happened; a chat’s new messages: when the latest came',
  })
  createdAt: string;
  @ApiProperty({ description: 'Read (or seen on the contract page)' }) read: boolean;
}

/** A notification as the statements select it (with its contract's number). */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | null>;
  contract_id: string | null;
  contract_number: string | null;
  /** Absent where only contracts' notifications are read (the contract page). */
  chat_id?: string | null;
  created_at: string;
  read: boolean;
}

export function toNotification(n: NotificationRow): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params,
    contractId: n.contract_id,
    contractNumber: n.contract_number,
    chatId: n.chat_id ?? null,
    createdAt: new Date(n.created_at).toISOString(),
    read: n.read,
  };
}

export class ListNotificationsQueryDto extends PageQueryDto {
  @QueryBoolean('Only unread ones (default: all)')
  unread?: boolean;
}

export class NotificationPageDto extends PageDto(NotificationDto) {
  @ApiProperty() unread: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    description: 'These notifications; all of mine when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}
