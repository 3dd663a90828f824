import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContractKind, ItemKind } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import type {
  ContractDto,
  ContractPageDto,
  ContractSummaryDto,
  ListContractsQueryDto,
} from './contracts.dto';

interface SummaryRow {
  id: string;
  number: string;
  date: string;
  status: string;
  kind: ContractKind;
  closed: boolean;
  total: string;
  currency: string;
  customer_name: string;
  manager_name: string | null;
}

const SUMMARY_COLUMNS = `c.id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date, c.status, c.kind,
  c.closed, c.total, c.currency, cu.full_name AS customer_name, m.full_name AS manager_name`;
const SUMMARY_FROM = `contracts c JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff_users m ON m.id = c.manager_id`;

function toSummary(r: SummaryRow): ContractSummaryDto {
  return {
    id: r.id,
    number: r.number,
    date: r.date,
    status: r.status,
    kind: r.kind,
    closed: r.closed,
    total: r.total,
    currency: r.currency,
    customerName: r.customer_name,
    managerName: r.manager_name,
  };
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** One page of the contracts the caller may see, newest first; one SQL statement. */
  async list(auth: AuthContext, query: ListContractsQueryDto): Promise<ContractPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const scope = this.access.contractScope(auth, 'c', 3);
    const state =
      query.state === 'active'
        ? 'AND NOT c.closed'
        : query.state === 'closed'
          ? 'AND c.closed'
          : '';
    const rows: Array<SummaryRow & { total_count: string }> = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total_count
         FROM ${SUMMARY_FROM}
        WHERE c.archived_at IS NULL ${state} AND ${scope.sql}
        ORDER BY c.date DESC, c.number DESC
        LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize, ...scope.params],
    );
    let total = Number(rows[0]?.total_count ?? 0);
    if (!rows.length && page > 1) {
      const counted: Array<{ n: string }> = await this.db.query(
        `SELECT count(*) AS n FROM contracts c WHERE c.archived_at IS NULL ${state} AND ${
          this.access.contractScope(auth, 'c', 1).sql
        }`,
        scope.params,
      );
      total = Number(counted[0]?.n ?? 0);
    }
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  /** A contract with its lines; not_found when missing or not the caller's. Two statements. */
  async get(auth: AuthContext, id: string): Promise<ContractDto> {
    const scope = this.access.contractScope(auth, 'c', 2);
    const rows: Array<
      SummaryRow & {
        planned_end_date: string | null;
        manager_phone: string | null;
        manager_email: string | null;
        data_as_of: Date | null;
      }
    > = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, to_char(c.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
              m.phone AS manager_phone, m.email AS manager_email,
              (SELECT max(f.finished_at) FROM exchange_files f WHERE f.status = 'imported')
                AS data_as_of
         FROM ${SUMMARY_FROM}
        WHERE c.id = $1 AND c.archived_at IS NULL AND ${scope.sql}`,
      [id, ...scope.params],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound('Contract');
    const items: Array<{
      line_no: number;
      name: string;
      kind: ItemKind;
      quantity: string;
      unit: string;
      price: string;
      amount: string;
    }> = await this.db.query(
      `SELECT line_no, name, kind, quantity, unit, price, amount
         FROM contract_items WHERE contract_id = $1 ORDER BY line_no`,
      [id],
    );
    return {
      ...toSummary(row),
      plannedEndDate: row.planned_end_date,
      dataAsOf: row.data_as_of ? row.data_as_of.toISOString() : null,
      manager: row.manager_name
        ? { fullName: row.manager_name, phone: row.manager_phone, email: row.manager_email }
        : null,
      items: items.map((i) => ({
        lineNo: i.line_no,
        name: i.name,
        kind: i.kind,
        quantity: i.quantity,
        unit: i.unit,
        price: i.price,
        amount: i.amount,
      })),
    };
  }
}
