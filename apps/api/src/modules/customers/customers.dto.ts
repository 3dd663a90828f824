import { PageQueryDto, PageDto } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '@kabinet/shared';
import { MaxText } from '../../common/text-length';

export class ListCustomersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name, phone digits, a contract number or a company’s ИНН',
    minLength: 2,
    maxLength: TEXT_LIMITS.search,
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxText(TEXT_LIMITS.search)
  q?: string;
}

export class CustomerSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A company’s ИНН from 1C' })
  inn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A company’s official name' })
  officialName: string | null;
  @ApiProperty({ description: 'Contracts the caller may see' }) contracts: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastContractDate: string | null;
  @ApiProperty({ example: '15000.00', description: 'Balance due over those contracts' })
  balanceDue: string;
}

export class CustomerPageDto extends PageDto(CustomerSummaryDto) {}

export class StartViewAsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}
