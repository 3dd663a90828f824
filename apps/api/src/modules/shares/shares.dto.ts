import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SHARE_ACCESS, TEXT_LIMITS, type ShareAccess } from '@kabinet/shared';
import { MaxText } from '../../common/text-length';
import type { ReceivedShareRow, ShareRow } from './shares.repository';

export class CreateShareDto {
  @ApiProperty({
    example: '+7 916 555-44-33',
    description:
      'The person’s mobile phone, any common format (region RU by default): they log in with it',
    minLength: 5,
    maxLength: 30,
  })
  @IsString()
  @MinLength(5)
  @MaxLength(30)
  phone: string;

  @ApiProperty({
    enum: SHARE_ACCESS,
    enumName: 'ShareAccess',
    description:
      '`read`: sees the contract; `full`: may also write in its chats and decide approvals',
  })
  @IsIn(SHARE_ACCESS)
  access: ShareAccess;

  @ApiPropertyOptional({
    maxLength: TEXT_LIMITS.shareName,
    example: 'Сын',
    description: 'What you call the person; only you and the company see it',
  })
  @IsOptional()
  @IsString()
  @MaxText(TEXT_LIMITS.shareName)
  name?: string;
}

export class UpdateShareDto {
  @ApiProperty({ enum: SHARE_ACCESS, enumName: 'ShareAccess' })
  @IsIn(SHARE_ACCESS)
  access: ShareAccess;
}

/** The account a contract is shared with, as staff see it. */
export class ShareGranteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name 1C has, or the one given when the account was made' })
  fullName: string;
  @ApiProperty({
    description: 'A 1C customer; false: an account made for shares (not in 1C)',
  })
  fromOneC: boolean;
}

/** An active share of a contract, as its owner and staff see it. */
export class ShareDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ example: '+79165554433', description: 'E.164' }) phone: string;
  @ApiProperty({ type: String, nullable: true, description: 'What the owner calls the person' })
  name: string | null;
  @ApiProperty({ enum: SHARE_ACCESS, enumName: 'ShareAccess' }) access: ShareAccess;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: () => ShareGranteeDto,
    nullable: true,
    description: 'Staff only: whose account it is (the owner is not told whose phone it is)',
  })
  grantee: ShareGranteeDto | null;
}

/** A contract someone shared with me. */
export class ReceivedShareDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ example: 'ГМ-000101' }) contractNumber: string;
  @ApiProperty({ example: 'Иванова Мария Петровна', description: 'Who shared it: its owner' })
  ownerName: string;
  @ApiProperty({ enum: SHARE_ACCESS, enumName: 'ShareAccess' }) access: ShareAccess;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

// Mappers: rows as the repository reads them → the DTOs above.

const iso = (d: Date | string): string => new Date(d).toISOString();

/** A share for its owner (`withGrantee` false) or for staff. */
export function toShare(r: ShareRow, withGrantee: boolean): ShareDto {
  return {
    id: r.id,
    contractId: r.contract_id,
    phone: r.phone,
    name: r.name,
    access: r.access,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    grantee: withGrantee
      ? { id: r.grantee_customer_id, fullName: r.grantee_name, fromOneC: r.grantee_from_1c }
      : null,
  };
}

export function toReceivedShare(r: ReceivedShareRow): ReceivedShareDto {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    ownerName: r.owner_name,
    access: r.access,
    createdAt: iso(r.created_at),
  };
}
