import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  CONTRACT_KINDS,
  CONTRACT_STATE_FILTERS,
  ITEM_KINDS,
  type ContractKind,
  type ContractStateFilter,
  type ItemKind,
} from '@kabinet/shared';

export class ListContractsQueryDto {
  @ApiPropertyOptional({ enum: CONTRACT_STATE_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(CONTRACT_STATE_FILTERS)
  state?: ContractStateFilter;

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

export class ContractSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ПМ-000123' }) number: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) date: string;
  @ApiProperty({ example: 'В работе', description: 'Status text as 1C has it' }) status: string;
  @ApiProperty({ enum: CONTRACT_KINDS, enumName: 'ContractKind' }) kind: ContractKind;
  @ApiProperty({ description: 'Finished or cancelled' }) closed: boolean;
  @ApiProperty({ example: '125000.00', description: 'Decimal string' }) total: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true }) managerName: string | null;
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractSummaryDto] }) items: ContractSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ContractItemDto {
  @ApiProperty() lineNo: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ITEM_KINDS, enumName: 'ItemKind' }) kind: ItemKind;
  @ApiProperty({ example: '1.000' }) quantity: string;
  @ApiProperty({ example: 'шт' }) unit: string;
  @ApiProperty({ example: '45000.00' }) price: string;
  @ApiProperty({ example: '45000.00' }) amount: string;
}

export class ContractManagerDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class ContractDto extends ContractSummaryDto {
  @ApiProperty({ type: [ContractItemDto] }) items: ContractItemDto[];
  @ApiProperty({ type: ContractManagerDto, nullable: true }) manager: ContractManagerDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedEndDate: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Data from 1C as of: the end of the last successful import',
  })
  dataAsOf: string | null;
}
