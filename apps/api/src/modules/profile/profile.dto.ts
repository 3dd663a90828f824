import { PageQueryDto } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CHANGE_REQUEST_STATUSES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  PROFILE_FIELDS,
  TEXT_LIMITS,
  type ChangeRequestStatus,
  type NotificationChannel,
  type NotificationKind,
  type ProfileField,
} from '@kabinet/shared';
import { MaxText } from '../../common/text-length';
import { ContractManagerDto, RequisiteDto } from '../contracts/contracts.dto';

export class NotificationSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel' })
  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;

  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class UpdateNotificationSettingsDto {
  @ApiProperty({
    type: [NotificationSettingDto],
    maxItems: 50,
    description: 'Only the pairs to change',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each of items must be an object' })
  @ValidateNested({ each: true })
  @Type(() => NotificationSettingDto)
  items: NotificationSettingDto[];
}

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

export class BankAccountDto {
  @ApiProperty({ example: '40702810500000012345' }) account: string;
  @ApiProperty({ type: String, nullable: true }) bankName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '047102987' }) bik: string | null;
  @ApiProperty({ type: String, nullable: true, example: '30101810400000000987' })
  correspondentAccount: string | null;
}

/** A company's requisites as 1C has them (what is not given is null or empty). */
export class LegalDetailsDto {
  @ApiProperty({ type: String, nullable: true, example: '7203123456' }) inn: string | null;
  @ApiProperty({ type: String, nullable: true, example: '720301001' }) kpp: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ОфициальноеНаименование' })
  officialName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Legal (registered) address' })
  legalAddress: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Postal (actual) address' })
  postalAddress: string | null;
  @ApiProperty({ type: [BankAccountDto] }) bankAccounts: BankAccountDto[];
}

export class ProfileDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true, description: 'Login phone, E.164' })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The phone as 1C has it' })
  phoneRaw: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ example: '1500.00' }) bonusBalance: string;
  @ApiProperty({ type: [RequisiteDto], description: 'Other data 1C has about me' })
  requisites: RequisiteDto[];
  @ApiProperty({
    type: LegalDetailsDto,
    nullable: true,
    description: 'ИНН, КПП, official name, addresses, bank accounts; null when 1C has none',
  })
  legal: LegalDetailsDto | null;
  @ApiProperty({ type: [NotificationSettingDto], description: 'Every kind × channel' })
  notificationSettings: NotificationSettingDto[];
  @ApiProperty({ type: [ChangeRequestDto], description: 'Newest first (20)' })
  changeRequests: ChangeRequestDto[];
  @ApiProperty({
    type: [ContractManagerDto],
    description: 'The managers responsible for my contracts, those of open contracts first',
  })
  managers: ContractManagerDto[];
}

export class CreateChangeRequestDto {
  @ApiProperty({ enum: PROFILE_FIELDS, enumName: 'ProfileField' })
  @IsIn(PROFILE_FIELDS)
  field: ProfileField;

  @ApiProperty({
    example: '+7 916 555-44-33',
    description: 'A phone number or an e-mail',
    minLength: 3,
    maxLength: TEXT_LIMITS.changeRequestValue,
  })
  @IsString()
  @MinLength(3)
  @MaxText(TEXT_LIMITS.changeRequestValue)
  value: string;

  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.changeRequestComment })
  @IsOptional()
  @IsString()
  @MaxText(TEXT_LIMITS.changeRequestComment)
  comment?: string;
}

export class ListChangeRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANGE_REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestStatus;
}

export class ChangeRequestPageDto {
  @ApiProperty({ type: [StaffChangeRequestDto] }) items: StaffChangeRequestDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

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
