import { PageQueryDto, QueryBoolean, PageDto } from '../../common/query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MinLength } from 'class-validator';
import {
  CONTRACT_KINDS,
  CONTRACT_SORTS,
  CONTRACT_STATE_FILTERS,
  INSTALLMENT_STATUSES,
  ITEM_KINDS,
  SORT_DIRECTIONS,
  TEXT_LIMITS,
  type ContractKind,
  type ContractSort,
  type ContractStateFilter,
  type InstallmentStatus,
  type ItemKind,
  type SortDirection,
} from '@kabinet/shared';
import { fromMinor, sumMinor } from '@kabinet/shared';
import { MaxText } from '../../common/text-length';
import type { Requisite } from '../customers/customer.entity';
import { NotificationDto } from '../notifications/notifications.dto';
import { PDF_LANGUAGES, type PdfLanguage } from './items-pdf';
import type { Allocation } from './payment-allocation';

export class ListContractsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTRACT_STATE_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(CONTRACT_STATE_FILTERS)
  state?: ContractStateFilter;

  @ApiPropertyOptional({
    description: 'Search: part of the contract number, the customer’s name or phone digits',
    minLength: 2,
    maxLength: TEXT_LIMITS.search,
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxText(TEXT_LIMITS.search)
  q?: string;

  @ApiPropertyOptional({
    description: 'Exact status text as 1C has it, e.g. «В работе»',
    minLength: 1,
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this responsible manager (staff)' })
  @IsOptional()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this customer’s contracts (staff)' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @QueryBoolean(
    'Only contracts with money overdue (a schedule row past its date, not paid in full); `true` or `1`',
  )
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: CONTRACT_SORTS,
    default: 'date',
    description: '`overdue`: by the days the oldest unpaid schedule row is overdue',
  })
  @IsOptional()
  @IsIn(CONTRACT_SORTS)
  sort?: ContractSort;

  @ApiPropertyOptional({ enum: SORT_DIRECTIONS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS)
  order?: SortDirection;
}

export class ItemsPdfQueryDto {
  @ApiPropertyOptional({
    enum: PDF_LANGUAGES,
    description: 'Language of the PDF; without it, Accept-Language decides (Russian by default)',
  })
  @IsOptional()
  @IsIn(PDF_LANGUAGES)
  lang?: PdfLanguage;
}

export class DocumentFileQueryDto {
  @QueryBoolean('Save the file (attachment) rather than show it; `true` or `1`')
  download?: boolean;
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
  @ApiProperty({ example: '50000.00', description: 'Sum of payments' }) paid: string;
  @ApiProperty({ example: '75000.00', description: 'total − paid' }) balanceDue: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true }) managerName: string | null;
  @ApiProperty({
    description:
      'Something changed since the customer last opened it (always false for staff); a contract never opened counts as changed when it changed after the customer first logged in',
  })
  changed: boolean;
  @ApiProperty({
    example: '37125.00',
    description:
      'To pay now: what the schedule asked for by today (the company’s date) and the payments do not cover',
  })
  dueNow: string;
  @ApiProperty({ example: '37125.00', description: 'Of `dueNow`, what is past its date' })
  overdue: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due date of the oldest schedule row that is overdue',
  })
  overdueSince: string | null;
  @ApiProperty({ description: 'Days the oldest overdue row is past its date; 0 when none is' })
  daysOverdue: number;
}

export class ContractPageDto extends PageDto(ContractSummaryDto) {}

/** A line's tax (VAT) as 1C gives it. */
export class ItemTaxDto {
  @ApiProperty({ example: 'НДС' }) name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '20',
    description: 'Percent; null when exempt or not given',
  })
  rate: string | null;
  @ApiProperty({ description: '«Без НДС»: not taxed' }) exempt: boolean;
  @ApiProperty({ type: String, nullable: true, example: '7500.00', description: 'Decimal string' })
  amount: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Included in the amount (true) or on top of it (false)',
  })
  included: boolean | null;
}

/** A line of the contract's tax totals. */
export class TaxTotalDto {
  @ApiProperty({ example: 'НДС' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '20', description: 'Percent' })
  rate: string | null;
  @ApiProperty({ description: 'The contract is not taxed («Без НДС»); the amount is zero' })
  exempt: boolean;
  @ApiProperty({ description: 'Included in the lines (true) or on top of them (false)' })
  included: boolean;
  @ApiProperty({ example: '12375.00', description: 'Decimal string' }) amount: string;
}

export class ContractItemDto {
  @ApiProperty() lineNo: number;
  @ApiProperty({ description: 'As 1C names it, on one line (1C’s line breaks collapsed)' })
  name: string;
  @ApiProperty({ enum: ITEM_KINDS, enumName: 'ItemKind' }) kind: ItemKind;
  @ApiProperty({ example: '1.000' }) quantity: string;
  @ApiProperty({ example: 'шт' }) unit: string;
  @ApiProperty({ example: '45000.00' }) price: string;
  @ApiProperty({ example: '45000.00' }) amount: string;
  @ApiProperty({ type: ItemTaxDto, nullable: true }) tax: ItemTaxDto | null;
}

export class ManagerOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

export class MoneyAmountDto {
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ example: '74250.00', description: 'Decimal string' }) amount: string;
}

export class ContractsSummaryDto {
  @ApiProperty({ description: 'All the contracts I may see' }) all: number;
  @ApiProperty({ description: 'Of them, the active ones (not closed)' }) active: number;
  @ApiProperty({
    type: [MoneyAmountDto],
    description: 'What is left to pay on the active contracts, per currency (none when nothing is)',
  })
  balanceDue: MoneyAmountDto[];
  @ApiProperty({
    type: [MoneyAmountDto],
    description:
      'Of it, what is due now (overdue or due today), per currency (none when nothing is)',
  })
  dueNow: MoneyAmountDto[];
  @ApiProperty({
    type: [MoneyAmountDto],
    description: 'Of it, what is overdue, per currency (none when nothing is)',
  })
  overdue: MoneyAmountDto[];
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Due date of the oldest overdue schedule row of the active contracts',
  })
  overdueSince: string | null;
  @ApiProperty({ description: 'Days that oldest row is overdue; 0 when nothing is' })
  daysOverdue: number;
}

export class ContractFiltersDto {
  @ApiProperty({
    type: [String],
    description: 'Statuses (as 1C has them) of the contracts I may see, by frequency',
  })
  statuses: string[];
  @ApiProperty({
    type: [ManagerOptionDto],
    description: 'Responsible managers of the contracts I may see, by name',
  })
  managers: ManagerOptionDto[];
}

export class ContractManagerDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class DeceasedDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) birthDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deathDate: string | null;
}

export class RequisiteDto {
  @ApiProperty({ example: 'Цвет' }) name: string;
  @ApiProperty({ example: 'Чёрный' }) value: string;
}

export class MonumentDto {
  @ApiProperty({ type: String, nullable: true, example: 'Габбро-диабаз' }) material: string | null;
  @ApiProperty({ type: String, nullable: true, example: '100×50×8 см' }) size: string | null;
  @ApiProperty({ type: String, nullable: true }) cemetery: string | null;
  @ApiProperty({ type: String, nullable: true }) plot: string | null;
  @ApiProperty({ type: String, nullable: true }) inscription: string | null;
  @ApiProperty({ type: [RequisiteDto], description: 'Other monument fields 1C sends' })
  extra: RequisiteDto[];
}

export class RenovationObjectDto {
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true, example: '54.30', description: 'm², decimal' })
  area: string | null;
  @ApiProperty({ type: Number, nullable: true }) rooms: number | null;
  @ApiProperty({ type: [RequisiteDto] }) extra: RequisiteDto[];
}

/** What the contract is about, typed per kind; absent parts are empty or null. */
export class ContractObjectDto {
  @ApiProperty({ type: [DeceasedDto] }) deceased: DeceasedDto[];
  @ApiProperty({ type: MonumentDto, nullable: true }) monument: MonumentDto | null;
  @ApiProperty({ type: RenovationObjectDto, nullable: true })
  renovation: RenovationObjectDto | null;
}

export class InstallmentDto {
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ example: '30000.00' }) amount: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: INSTALLMENT_STATUSES, enumName: 'InstallmentStatus' })
  status: InstallmentStatus;
  @ApiProperty({ description: 'What the payments cover of this row' }) paid: string;
  @ApiProperty({ description: 'What is left to pay of this row' }) outstanding: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) paidOn: string | null;
  @ApiProperty({ description: 'Days past the due date while not paid in full' })
  daysOverdue: number;
  @ApiProperty({ description: 'Days the row was paid after its due date' }) daysLate: number;
}

export class NextPaymentDto {
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() outstanding: string;
}

export class PaymentScheduleDto {
  @ApiProperty({ type: [InstallmentDto] }) rows: InstallmentDto[];
  @ApiProperty({ description: 'Overdue or due today: to pay now' }) dueNow: string;
  @ApiProperty({ type: NextPaymentDto, nullable: true }) next: NextPaymentDto | null;
  @ApiProperty({ description: 'Payments beyond the whole schedule' }) overpaid: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'ПКО-000123' }) number: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '30000.00' }) amount: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ type: String, nullable: true, example: 'Безналичный расчёт' })
  method: string | null;
  @ApiProperty({ description: 'What is left to pay on the contract after this payment' })
  balanceAfter: string;
}

export class ContractDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Акт выполненных работ', description: 'Kind, as 1C names it' })
  kind: string;
  @ApiProperty({ example: 'Акт № 12 от 01.10.2026' }) title: string;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date: string | null;
  @ApiProperty({ example: 'Акт-12.pdf' }) fileName: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'Sniffed from the bytes' }) mime: string;
  @ApiProperty({ description: 'A PDF or an image: the browser can show it' }) viewable: boolean;
}

export class ContractDto extends ContractSummaryDto {
  @ApiProperty({ type: [ContractItemDto] }) items: ContractItemDto[];
  @ApiProperty({ example: '64000.00', description: 'The sum of the lines' }) itemsTotal: string;
  @ApiProperty({
    type: [TaxTotalDto],
    description:
      'VAT of the contract: included in the lines or on top of them (total = lines + taxes on top); empty when 1C sends none',
  })
  taxes: TaxTotalDto[];
  @ApiProperty({ type: ContractObjectDto }) object: ContractObjectDto;
  @ApiProperty({ type: [RequisiteDto], description: 'Every requisite 1C sent, as is' })
  requisites: RequisiteDto[];
  @ApiProperty({ type: PaymentScheduleDto }) schedule: PaymentScheduleDto;
  @ApiProperty({ type: [PaymentDto], description: 'Oldest first' }) payments: PaymentDto[];
  @ApiProperty({ type: [NotificationDto], description: 'This contract’s, newest first (50)' })
  notifications: NotificationDto[];
  @ApiProperty({ type: [ContractDocumentDto], description: 'Newest first' })
  documents: ContractDocumentDto[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the customer opened the contract before this time',
  })
  lastSeenAt: string | null;
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

// Mappers: rows as the statements select them → the DTOs above.

export interface SummaryRow {
  id: string;
  number: string;
  date: string;
  status: string;
  kind: ContractKind;
  closed: boolean;
  total: string;
  paid: string;
  balance_due: string;
  currency: string;
  customer_id: string;
  customer_name: string;
  manager_name: string | null;
  changed: boolean;
}

/** What is due now and overdue of a contract (the list's `contractMoneySql`). */
export interface MoneyRow {
  due_now: string;
  overdue: string;
  overdue_since: string | null;
  days_overdue: number;
}

export type ContractMoney = Pick<
  ContractSummaryDto,
  'dueNow' | 'overdue' | 'overdueSince' | 'daysOverdue'
>;

export function toMoney(r: MoneyRow): ContractMoney {
  return {
    dueNow: r.due_now,
    overdue: r.overdue,
    overdueSince: r.overdue_since,
    daysOverdue: Number(r.days_overdue),
  };
}

/** The same figures from the schedule tab's allocation (the contract page computes it in code). */
export function moneyOf(allocation: Allocation): ContractMoney {
  const overdue = allocation.rows.filter((r) => r.status === 'overdue');
  return {
    dueNow: allocation.dueNow,
    overdue: fromMinor(sumMinor(overdue.map((r) => r.outstanding))),
    overdueSince: overdue[0]?.dueDate ?? null,
    daysOverdue: overdue[0]?.daysOverdue ?? 0,
  };
}

export function toSummary(r: SummaryRow, money: ContractMoney): ContractSummaryDto {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    status: r.status,
    kind: r.kind,
    closed: r.closed,
    total: r.total,
    paid: r.paid,
    balanceDue: r.balance_due,
    currency: r.currency,
    customerId: r.customer_id,
    customerName: r.customer_name,
    managerName: r.manager_name,
    changed: r.changed,
    ...money,
  };
}

export interface StoredObject {
  deceased?: Array<{ fullName: string; birthDate: string | null; deathDate: string | null }>;
  monument?: {
    material: string | null;
    size: string | null;
    cemetery: string | null;
    plot: string | null;
    inscription: string | null;
    extra?: Requisite[];
  };
  renovation?: {
    address: string | null;
    area: string | null;
    rooms: number | null;
    extra?: Requisite[];
  };
}

export function toObject(o: StoredObject | null): ContractObjectDto {
  return {
    deceased: (o?.deceased ?? []).map((d) => ({
      fullName: d.fullName,
      birthDate: d.birthDate ?? null,
      deathDate: d.deathDate ?? null,
    })),
    monument: o?.monument
      ? {
          material: o.monument.material ?? null,
          size: o.monument.size ?? null,
          cemetery: o.monument.cemetery ?? null,
          plot: o.monument.plot ?? null,
          inscription: o.monument.inscription ?? null,
          extra: o.monument.extra ?? [],
        }
      : null,
    renovation: o?.renovation
      ? {
          address: o.renovation.address ?? null,
          area: o.renovation.area ?? null,
          rooms: o.renovation.rooms ?? null,
          extra: o.renovation.extra ?? [],
        }
      : null,
  };
}
