import { PageQueryDto, QueryBoolean } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { NotificationDto } from '../contracts/contracts.dto';

export class ListNotificationsQueryDto extends PageQueryDto {
  @QueryBoolean('Only unread ones (default: all)')
  unread?: boolean;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
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
