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
import type { AuthContext } from '../auth/auth-context';
import type { BankAccount, Requisite } from '../customers/customer.entity';
import { ExportService } from '../exchange/export.service';
import {
  REQUEST_COLUMNS,
  toChangeRequest,
  type ChangeRequestDto,
  type RequestRow,
} from '../change-requests/change-requests.dto';
import {
  legalDetails,
  type CreateChangeRequestDto,
  type ProfileDto,
  type UpdateNotificationSettingsDto,
} from './profile.dto';

/** Every kind × channel, the customer's choice over the defaults. */
export function mergedSettings(stored: Partial<NotificationSettings> | null): NotificationSettings {
  const out = {} as NotificationSettings;
  for (const kind of NOTIFICATION_KINDS) {
    out[kind] = { ...DEFAULT_NOTIFICATION_SETTINGS[kind], ...(stored?.[kind] ?? {}) };
  }
  return out;
}

/** A customer's own profile: contact data from 1C, requests to change it, settings. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
      changeRequests: (c.requests ?? []).map(toChangeRequest),
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
      return toChangeRequest(request);
    });
  }
}
