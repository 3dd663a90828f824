import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class ListCustomersQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name, phone digits, a contract number or a company’s ИНН',
    minLength: 2,
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
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

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerSummaryDto] }) items: CustomerSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StartViewAsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}
