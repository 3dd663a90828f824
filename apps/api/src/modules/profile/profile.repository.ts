import { Inject, Injectable } from '@nestjs/common';
import type { NotificationSettings, ProfileField } from '@kabinet/shared';
import { Repository } from '../../database/repository';
import { DB, raw, sql, type Db } from '../../database/sql';
import type { BankAccount, Requisite } from '../customers/customer.entity';
import { REQUEST_COLUMNS, type RequestRow } from '../change-requests/change-requests.dto';

/** A customer's profile: contact data from 1C, settings, recent requests and their managers. */
export interface ProfileRow {
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
  /** Null for an account made for a contract shared with the person (not from 1C). */
  external_id: string | null;
  managers: Array<{ full_name: string; phone: string | null; email: string | null }> | null;
}

/** What asking for a change needs of the customer: the values now, and a request waiting. */
export interface ContactsRow {
  /** Null for an account made for a contract shared with the person (not from 1C). */
  external_id: string | null;
  phone: string | null;
  email: string | null;
  pending: boolean;
}

/** The request's columns (a constant of the code) on the `r` alias, and bare for RETURNING. */
const COLUMNS = raw(REQUEST_COLUMNS);
const BARE_COLUMNS = raw(REQUEST_COLUMNS.replace(/r\./g, ''));

/** The customer's own profile: reads it, saves their settings, files their change requests. */
@Injectable()
export class ProfileRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /** One statement: the profile of customer `id`. */
  async find(id: string): Promise<ProfileRow | undefined> {
    const rows = await this.db.query<ProfileRow>(
      sql`SELECT cu.full_name, cu.phone, cu.phone_raw, cu.email, cu.bonus_balance, cu.requisites,
                 cu.external_id,
                 cu.inn, cu.kpp, cu.official_name, cu.legal_address, cu.postal_address,
                 cu.bank_accounts, cu.notification_settings,
                 (SELECT json_agg(x ORDER BY x.created_at DESC) FROM (
                    SELECT ${COLUMNS} FROM profile_change_requests r
                     WHERE r.customer_id = cu.id ORDER BY r.created_at DESC LIMIT 20) x) AS requests,
                 -- Who answers me: the managers of my open contracts (of any, when all are closed).
                 (SELECT json_agg(m ORDER BY m.open DESC, m.latest DESC) FROM (
                    SELECT s.full_name, s.phone, s.email, bool_or(NOT c.closed) AS open,
                           max(c.date) AS latest
                      FROM contracts c JOIN staff_users s ON s.id = c.manager_id
                     WHERE c.customer_id = cu.id AND c.archived_at IS NULL
                     GROUP BY s.id) m) AS managers
            FROM customers cu WHERE cu.id = ${id}`,
    );
    return rows[0];
  }

  /** The customer's stored settings (null: none), the row locked until the transaction ends. */
  async settingsForUpdate(id: string): Promise<Partial<NotificationSettings> | null> {
    const rows = await this.db.query<{ notification_settings: Partial<NotificationSettings> }>(
      sql`SELECT notification_settings FROM customers WHERE id = ${id} FOR UPDATE`,
    );
    return rows[0]?.notification_settings ?? null;
  }

  async saveSettings(id: string, settings: NotificationSettings): Promise<void> {
    await this.db.query(
      sql`UPDATE customers SET notification_settings = ${JSON.stringify(settings)}::jsonb
           WHERE id = ${id}`,
    );
  }

  /** The customer's contacts and whether a `field` request is pending; the row locked. */
  async contactsForUpdate(id: string, field: ProfileField): Promise<ContactsRow | undefined> {
    const rows = await this.db.query<ContactsRow>(
      sql`SELECT cu.external_id, cu.phone, cu.email,
                 EXISTS (SELECT 1 FROM profile_change_requests r WHERE r.customer_id = cu.id
                           AND r.field = ${field} AND r.status = 'pending') AS pending
            FROM customers cu WHERE cu.id = ${id} FOR UPDATE`,
    );
    return rows[0];
  }

  async insertRequest(r: {
    customerId: string;
    field: ProfileField;
    value: string;
    previousValue: string | null;
    comment: string | null;
  }): Promise<RequestRow> {
    const rows = await this.db.query<RequestRow>(
      sql`INSERT INTO profile_change_requests (customer_id, field, value, previous_value, comment)
          VALUES (${r.customerId}, ${r.field}, ${r.value}, ${r.previousValue}, ${r.comment})
          RETURNING ${BARE_COLUMNS}`,
    );
    return rows[0]!;
  }
}
