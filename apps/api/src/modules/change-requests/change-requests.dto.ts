import { PageQueryDto, PageDto } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  CHANGE_REQUEST_STATUSES,
  PROFILE_FIELDS,
  TEXT_LIMITS,
  type ChangeRequestStatus,
  type ProfileField,
} from '@kabinet/shared';
import { MaxText } from '../../common/text-length';

export class ChangeRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PROFILE_FIELDS, enumName: 'ProfileField' }) field: ProfileField;
  @ApiProperty({ description: 'The value asked for' }) value: string;
  @ApiProperty({ type: String, nullable: true, description: 'What 1C had then' })
  previousValue: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ enum: CHANGE_REQUEST_STATUSES, enumName: 'ChangeRequestStatus' })
  status: ChangeRequestStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The staff member’s answer' })
  resolution: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
}

/** A request in the staff queue: with whose it is and who answered. */
export class StaffChangeRequestDto extends ChangeRequestDto {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true }) resolvedByName: string | null;
}

export class ListChangeRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANGE_REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestStatus;
}

export class ChangeRequestPageDto extends PageDto(StaffChangeRequestDto) {}

export class ResolveChangeRequestDto {
  @ApiProperty({ enum: ['done', 'rejected'] })
  @IsIn(['done', 'rejected'])
  status: 'done' | 'rejected';

  @ApiPropertyOptional({
    maxLength: TEXT_LIMITS.resolution,
    description: 'Required when rejecting',
  })
  @IsOptional()
  @IsString()
  @MaxText(TEXT_LIMITS.resolution)
  resolution?: string;
}

// Mappers: a request as the statements select it → the DTOs above.

export interface RequestRow {
  id: string;
  field: 'phone' | 'email';
  value: string;
  previous_value: string | null;
  comment: string | null;
  status: 'pending' | 'done' | 'rejected';
  resolution: string | null;
  created_at: Date | string;
  resolved_at: Date | string | null;
  customer_id?: string;
  customer_name?: string;
  resolved_by_name?: string | null;
}

export const REQUEST_COLUMNS = `r.id, r.field, r.value, r.previous_value, r.comment, r.status,
  r.resolution, r.created_at, r.resolved_at`;

export function toChangeRequest(r: RequestRow): ChangeRequestDto {
  return {
    id: r.id,
    field: r.field,
    value: r.value,
    previousValue: r.previous_value,
    comment: r.comment,
    status: r.status,
    resolution: r.resolution,
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
  };
}
