import { Inject, Injectable } from '@nestjs/common';
import { fromMinor, sumMinor, toMinor } from '@kabinet/shared';
import { Clock, dateIn } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import { CompanyService } from '../company/company.service';
import { isViewable } from '../files/sniff';
import { toNotification } from '../notifications/notifications.dto';
import {
  moneyOf,
  toMoney,
  toObject,
  toSummary,
  type ContractDto,
  type ContractFiltersDto,
  type ContractsSummaryDto,
  type ContractPageDto,
  type ListContractsQueryDto,
} from './contracts.dto';
import { ContractsRepository } from './contracts.repository';
import type { ContractFilter } from './contracts.sql';
import { itemsPdfDisposition, renderItemsPdf, type PdfLanguage } from './items-pdf';
import { allocatePayments } from './payment-allocation';
import { plainRate, taxTotals } from './taxes';

/** The customer whose own visits count: not staff, not staff viewing as the customer. */
export function visitor(auth: AuthContext): string | null {
  return auth.kind === 'customer' && !auth.viewAs ? auth.userId : null;
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly company: CompanyService,
  ) {}

  /** What the list's status and manager filters can offer: only values the caller may see. */
  async filters(auth: AuthContext): Promise<ContractFiltersDto> {
    const row = await this.repo.filterOptions(this.access.contractScope(auth, 'c'));
    return { statuses: row?.statuses ?? [], managers: row?.managers ?? [] };
  }

  /** The company's date now: what "today" is for due dates and days overdue. */
  private today(): string {
    return dateIn(this.clock.now(), this.config.timeZone);
  }

  /**
   * The caller's contracts counted, and on the active ones, per currency: the balance due, what
   * is due now and what of it is overdue (the schedule tab's allocation), with the oldest overdue
   * date. One statement.
   */
  async summary(auth: AuthContext): Promise<ContractsSummaryDto> {
    const r = await this.repo.summary(this.access.contractScope(auth, 'c'), this.today());
    return {
      all: Number(r.all),
      active: Number(r.active),
      balanceDue: r.balance_due,
      dueNow: r.due_now,
      overdue: r.overdue,
      overdueSince: r.overdue_since,
      daysOverdue: r.days_overdue === null ? 0 : Number(r.days_overdue),
    };
  }

  /**
   * One page of the contracts the caller may see, filtered, searched and sorted; one SQL
   * statement (two only when asked for a page past the end).
   */
  async list(auth: AuthContext, query: ListContractsQueryDto): Promise<ContractPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = this.today();
    const filter: ContractFilter = {
      scope: this.access.contractScope(auth, 'c'),
      state: query.state,
      status: query.status,
      managerId: query.managerId,
      customerId: query.customerId,
      q: query.q,
      overdue: query.overdue,
    };
    const rows = await this.repo.list({
      viewer: visitor(auth),
      today,
      filter,
      sort: query.sort ?? 'date',
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    let total = Number(rows[0]?.total_count ?? 0);
    if (!rows.length && page > 1) total = await this.repo.count(filter, today);
    return { items: rows.map((r) => toSummary(r, toMoney(r))), total, page, pageSize };
  }

  /**
   * A contract with everything the customer sees: lines, object, schedule with payments
   * allocated, payments with the running balance, its notifications. One SQL statement, and a
   * pure read: opening the contract is recorded by `markSeen`.
   */
  async get(auth: AuthContext, id: string): Promise<ContractDto> {
    const row = await this.repo.contract({
      id,
      viewer: visitor(auth),
      reader: auth.kind === 'customer' ? auth.userId : null,
      scope: this.access.contractScope(auth, 'c'),
    });
    if (!row) throw DomainError.notFound('Contract');
    const today = this.today();
    const allocation = allocatePayments(
      row.schedule.map((s) => ({
        lineNo: s.line_no,
        dueDate: s.due_date,
        amount: s.amount,
        note: s.note,
      })),
      row.payments,
      today,
    );
    let balance = toMinor(row.total);
    const items = row.items.map((i) => ({
      lineNo: i.line_no,
      name: i.name,
      kind: i.kind,
      quantity: i.quantity,
      unit: i.unit,
      price: i.price,
      amount: i.amount,
      tax:
        i.tax_name === null
          ? null
          : {
              name: i.tax_name,
              rate: plainRate(i.tax_rate),
              exempt: i.tax_exempt,
              amount: i.tax_amount,
              included: i.tax_included,
            },
    }));
    return {
      ...toSummary(row, moneyOf(allocation)),
      plannedEndDate: row.planned_end_date,
      dataAsOf: row.data_as_of ? new Date(row.data_as_of).toISOString() : null,
      lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
      manager: row.manager_name
        ? { fullName: row.manager_name, phone: row.manager_phone, email: row.manager_email }
        : null,
      object: toObject(row.object),
      requisites: row.requisites ?? [],
      items,
      itemsTotal: fromMinor(sumMinor(items.map((i) => i.amount))),
      taxes: taxTotals(items, row.taxes ?? []),
      schedule: {
        rows: allocation.rows,
        dueNow: allocation.dueNow,
        next: allocation.next
          ? { dueDate: allocation.next.dueDate, outstanding: allocation.next.outstanding }
          : null,
        overpaid: allocation.overpaid,
      },
      payments: row.payments.map((p) => {
        balance -= toMinor(p.amount);
        return { ...p, balanceAfter: fromMinor(balance) };
      }),
      notifications: row.notifications.map(toNotification),
      documents: row.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        number: d.number,
        date: d.date,
        fileName: d.file_name,
        size: d.size,
        mime: d.mime,
        viewable: isViewable(d.mime),
      })),
    };
  }

  /**
   * The contract's goods and services as a PDF: the same access check and statement as `get`
   * (one SQL statement, a read: a download marks nothing as seen or read).
   */
  async itemsPdf(
    auth: AuthContext,
    id: string,
    language: PdfLanguage,
  ): Promise<{ pdf: Buffer; disposition: string }> {
    const contract = await this.get(auth, id);
    const pdf = await renderItemsPdf(contract, {
      language,
      company: await this.company.documentHead(),
      timeZone: this.config.timeZone,
      createdAt: this.clock.now(),
    });
    return { pdf, disposition: itemsPdfDisposition(contract.number, language) };
  }

  /**
   * The customer opened their contract: it is no longer "changed" for them (until it changes
   * again) and their notifications about it are read. One statement. Only the customer's own
   * visits count: staff may not call it, nor a staff member viewing as the customer (the session
   * guard refuses every change then). A person a contract is shared with — even read-only —
   * records their visits too: that changes nothing of the contract, only their own marks.
   */
  async markSeen(auth: AuthContext, id: string): Promise<void> {
    const customer = visitor(auth);
    if (!customer) throw new DomainError('forbidden', 'Only a customer’s own visits are recorded');
    const scope = this.access.contractScope(auth, 'c');
    if (!(await this.repo.markSeen(id, customer, scope))) throw DomainError.notFound('Contract');
  }
}
