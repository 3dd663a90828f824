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
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  PROFILE_FIELDS,
  TEXT_LIMITS,
  type NotificationChannel,
  type NotificationKind,
  type ProfileField,
} from '@kabinet/shared';
import { MaxText } from '../../common/text-length';
import { ChangeRequestDto } from '../change-requests/change-requests.dto';
import { ContractManagerDto, RequisiteDto } from '../contracts/contracts.dto';
import type { BankAccount } from '../customers/customer.entity';

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
    description:
      'Whether 1C keeps this person’s record, so contact changes can be asked for; false for ' +
      'an account made for a contract someone shared with them',
  })
  inBooks: boolean;
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

// Mappers.

/** A company's requisites, or null for a customer 1C sent none for. */
export function legalDetails(c: {
  inn: string | null;
  kpp: string | null;
  official_name: string | null;
  legal_address: string | null;
  postal_address: string | null;
  bank_accounts: BankAccount[] | null;
}): LegalDetailsDto | null {
  const legal: LegalDetailsDto = {
    inn: c.inn,
    kpp: c.kpp,
    officialName: c.official_name,
    legalAddress: c.legal_address,
    postalAddress: c.postal_address,
    bankAccounts: c.bank_accounts ?? [],
  };
  const empty =
    !legal.bankAccounts.length &&
    [legal.inn, legal.kpp, legal.officialName, legal.legalAddress, legal.postalAddress].every(
      (v) => v === null,
    );
  return empty ? null : legal;
}
