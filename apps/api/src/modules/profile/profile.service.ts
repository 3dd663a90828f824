import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  isEmail,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationSettings,
} from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import type { BankAccount, Requisite } from '../customers/customer.entity';
import { ExportService } from '../exchange/export.service';
import { createNotifications } from '../notifications/create-notifications';
import type {
  ChangeRequestDto,
  ChangeRequestPageDto,
  CreateChangeRequestDto,
  LegalDetailsDto,
  ListChangeRequestsQueryDto,
  ProfileDto,
  ResolveChangeRequestDto,
  StaffChangeRequestDto,
  UpdateNotificationSettingsDto,
} from './profile.dto';

interface RequestRow {
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

const REQUEST_COLUMNS = `r.id, r.field, r.value, r.previous_value, r.comment, r.status,
  r.resolution, r.created_at, r.resolved_at`;

function toRequest(r: RequestRow): ChangeRequestDto {
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

/** Every kind × channel, the customer's choice over the defaults. */
export function mergedSettings(stored: Partial<NotificationSettings> | null): NotificationSettings {
  const out = {} as NotificationSettings;
  for (const kind of NOTIFICATION_KINDS) {
    out[kind] = { ...DEFAULT_NOTIFICATION_SETTINGS[kind], ...(stored?.[kind] ?? {}) };
  }
  return out;
}

/** A customer's own profile (contact data from 1C, requests to change it, settings), and the staff queue. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly exports: ExportService,
  ) {}

  async get(auth: AuthContext): Promise<ProfileDto> {
    const rows: Array<{
      full_name: string;
      phone: string | null;
      phone_raw: string | null;
      email: string | null;
      bonus_balance: string;
      requisites: Requisite[];
      inn: string | null;
      kpp: string | null;
      official_name: string | null;
      legal_address: string | null;
      postal_address: string | null;
      bank_accounts: BankAccount[];
      notification_settings: Partial<NotificationSettings>;
      requests: RequestRow[] | null;
      managers: Array<{ full_name: string; phone: string | null; email: string | null }> | null;
    }> = await this.db.query(
      `SELECT cu.full_name, cu.phone, cu.phone_raw, cu.email, cu.bonus_balance, cu.requisites,
              cu.inn, cu.kpp, cu.official_name, cu.legal_address, cu.postal_address,
              cu.bank_accounts, cu.notification_settings,
              (SELECT json_agg(x ORDER BY x.created_at DESC) FROM (
                 SELECT ${REQUEST_COLUMNS} FROM profile_change_requests r
                  WHERE r.customer_id = cu.id ORDER BY r.created_at DESC LIMIT 20) x) AS requests,
              -- Who answers me: the managers of my open contracts (of any, when all are closed).
              (SELECT json_agg(m ORDER BY m.open DESC, m.latest DESC) FROM (
                 SELECT s.full_name, s.phone, s.email, bool_or(NOT c.closed) AS open,
                        max(c.date) AS latest
                   FROM contracts c JOIN staff_users s ON s.id = c.manager_id
                  WHERE c.customer_id = cu.id AND c.archived_at IS NULL
                  GROUP BY s.id) m) AS managers
         FROM customers cu WHERE cu.id = $1`,
      [auth.userId],
    );
    const c = rows[0];
    if (!c) throw DomainError.notFound('Customer');
    const settings = mergedSettings(c.notification_settings);
    return {
      fullName: c.full_name,
      phone: c.phone,
      phoneRaw: c.phone_raw,
      email: c.email,
      bonusBalance: c.bonus_balance,
      requisites: c.requisites,
      legal: legalDetails(c),
      notificationSettings: NOTIFICATION_KINDS.flatMap((kind) =>
        NOTIFICATION_CHANNELS.map((channel) => ({
          kind,
          channel,
          enabled: settings[kind][channel],
        })),
      ),
      changeRequests: (c.requests ?? []).map(toRequest),
      managers: (c.managers ?? []).map((m) => ({
        fullName: m.full_name,
        phone: m.phone,
        email: m.email,
      })),
    };
  }

  async updateSettings(
    auth: AuthContext,
    body: UpdateNotificationSettingsDto,
  ): Promise<ProfileDto> {
    // Under a row lock, so two tabs changing different switches do not undo each other.
    await this.db.transaction(async (tx) => {
      const rows: Array<{ notification_settings: Partial<NotificationSettings> }> = await tx.query(
        'SELECT notification_settings FROM customers WHERE id = $1 FOR UPDATE',
        [auth.userId],
      );
      const current = mergedSettings(rows[0]?.notification_settings ?? null);
      for (const { kind, channel, enabled } of body.items) current[kind][channel] = enabled;
      await tx.query('UPDATE customers SET notification_settings = $2::jsonb WHERE id = $1', [
        auth.userId,
        JSON.stringify(current),
      ]);
    });
    return this.get(auth);
  }

  async requestChange(auth: AuthContext, body: CreateChangeRequestDto): Promise<ChangeRequestDto> {
    let value = body.value.trim();
    if (body.field === 'phone') {
      const phone = normalizePhone(value);
      if (!phone) {
        throw DomainError.validation([
          { path: 'value', message: 'Not a phone number; write it as +7 916 123-45-67' },
        ]);
      }
      value = phone;
    } else {
      value = value.toLowerCase();
      if (!isEmail(value)) {
        throw DomainError.validation([
          { path: 'value', message: 'Not an e-mail address; write it as name@example.ru' },
        ]);
      }
    }
    return this.db.transaction(async (tx) => {
      const rows: Array<{
        external_id: string;
        phone: string | null;
        email: string | null;
        pending: boolean;
      }> = await tx.query(
        `SELECT cu.external_id, cu.phone, cu.email,
                EXISTS (SELECT 1 FROM profile_change_requests r WHERE r.customer_id = cu.id
                          AND r.field = $2 AND r.status = 'pending') AS pending
           FROM customers cu WHERE cu.id = $1 FOR UPDATE`,
        [auth.userId, body.field],
      );
      const c = rows[0];
      if (!c) throw DomainError.notFound('Customer');
      const current = body.field === 'phone' ? c.phone : c.email;
      if (current && current.toLowerCase() === value) {
        throw DomainError.validation([
          { path: 'value', message: 'This is already your current value' },
        ]);
      }
      if (c.pending) {
        throw DomainError.validation([
          {
            path: 'field',
            message: 'A request to change this is already waiting for the manager',
          },
        ]);
      }
      const inserted: RequestRow[] = await tx.query(
        `INSERT INTO profile_change_requests (customer_id, field, value, previous_value, comment)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${REQUEST_COLUMNS.replace(/r\./g, '')}`,
        [auth.userId, body.field, value, current, body.comment?.trim() || null],
      );
      const request = inserted[0]!;
      await this.exports.enqueue(tx, {
        kind: 'profile_change_request',
        customerExternalId: c.external_id,
        field: body.field,
        oldValue: current,
        newValue: value,
        comment: request.comment,
      });
      return toRequest(request);
    });
  }

  /** The staff queue: requests of the customers the caller may see. */
  async queue(auth: AuthContext, query: ListChangeRequestsQueryDto): Promise<ChangeRequestPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const scope = this.access.customerScope(auth, 'cu', 4);
    const rows: Array<RequestRow & { total_count: string }> = await this.db.query(
      `SELECT ${REQUEST_COLUMNS}, r.customer_id, cu.full_name AS customer_name,
              s.full_name AS resolved_by_name, count(*) OVER () AS total_count
         FROM profile_change_requests r JOIN customers cu ON cu.id = r.customer_id
         LEFT JOIN staff_users s ON s.id = r.resolved_by_id
        WHERE r.status = $1 AND ${scope.sql}
        ORDER BY r.created_at ${query.status && query.status !== 'pending' ? 'DESC' : 'ASC'}, r.id
        LIMIT $2 OFFSET $3`,
      [query.status ?? 'pending', pageSize, (page - 1) * pageSize, ...scope.params],
    );
    return {
      items: rows.map((r): StaffChangeRequestDto => ({
        ...toRequest(r),
        customerId: r.customer_id!,
        customerName: r.customer_name!,
        resolvedByName: r.resolved_by_name ?? null,
      })),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  /** Done or rejected, with an answer the customer sees and is notified of; audited. */
  async resolve(
    auth: AuthContext,
    id: string,
    body: ResolveChangeRequestDto,
  ): Promise<ChangeRequestDto> {
    const resolution = body.resolution?.trim() || null;
    if (body.status === 'rejected' && !resolution) {
      throw DomainError.validation([
        { path: 'resolution', message: 'Say why the request is rejected: the customer sees it' },
      ]);
    }
    return this.db.transaction(async (tx) => {
      const scope = this.access.customerScope(auth, 'cu', 2);
      const found: Array<{ customer_id: string; status: string; field: string }> = await tx.query(
        `SELECT r.customer_id, r.status, r.field FROM profile_change_requests r
           JOIN customers cu ON cu.id = r.customer_id
          WHERE r.id = $1 AND ${scope.sql} FOR UPDATE OF r`,
        [id, ...scope.params],
      );
      const r = found[0];
      if (!r) throw DomainError.notFound('Change request');
      if (r.status !== 'pending') {
        throw new DomainError('conflict', 'This request has already been answered');
      }
      // TypeORM answers an UPDATE with [rows, count].
      const [updated]: [RequestRow[], number] = await tx.query(
        `UPDATE profile_change_requests SET status = $2, resolution = $3, resolved_by_id = $4,
                resolved_at = now()
          WHERE id = $1 RETURNING ${REQUEST_COLUMNS.replace(/r\./g, '')}`,
        [id, body.status, resolution, auth.userId],
      );
      await createNotifications(tx, [
        {
          customerId: r.customer_id,
          contractId: null,
          kind: 'profile_request',
          params: { field: r.field, status: body.status, resolution },
        },
      ]);
      await tx.query(
        `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details)
         VALUES ($1, 'changeRequest.resolve', 'customer', $2, $3)`,
        [auth.userId, r.customer_id, JSON.stringify({ requestId: id, status: body.status })],
      );
      return toRequest(updated[0]!);
    });
  }
}
