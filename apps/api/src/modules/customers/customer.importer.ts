import type { CustomerRecord, ExchangeHeader } from '@kabinet/exchange-1c';
import { pickLoginPhone } from '../../common/phone';
import { sql } from '../../database/sql';
import { SharedPhones } from '../shares/guest-accounts';
import {
  ImportRecordError,
  contentHash,
  type ImportContext,
  type RecordImporter,
  type RecordOutcome,
  ExternalIds,
} from '../exchange/record-importer';

/**
 * 1C's counterparties (`Контрагент`) into `customers`, by 1C id, with their login phone; a full
 * export archives the customers it neither lists nor refers to. Accounts Kabinet made for shares
 * (no 1C id) are not 1C's: never updated or archived here — but a phone one of them holds passes
 * to the 1C customer given it, with the account's shares (modules/shares/guest-accounts.ts).
 */
export class CustomerImporter implements RecordImporter<'customer'> {
  readonly type = 'customer';
  readonly countKey = 'customers';
  readonly element = 'Контрагент';
  private readonly ids: ExternalIds;
  /** Customers this file created: their first contracts tell them nothing (see ContractChanged). */
  private readonly created = new Set<string>();
  private readonly sharedPhones: SharedPhones;

  constructor(private readonly ctx: ImportContext) {
    this.ids = new ExternalIds(ctx, 'customers');
    this.sharedPhones = new SharedPhones(ctx);
  }

  describe(r: CustomerRecord): string {
    return `Customer ${r.externalId}`;
  }

  async apply(r: CustomerRecord, line: number): Promise<RecordOutcome> {
    const { tx } = this.ctx;
    // The login phone: the first valid number among 1C's phones (a mobile one first); when none
    // is valid, the first as written (shown in the profile) and no login.
    const phones = r.phones.length
      ? r.phones
      : r.phoneRaw !== null
        ? [{ type: '', value: r.phoneRaw }]
        : [];
    const login = pickLoginPhone(phones);
    if (!login && phones.length) {
      const written = phones.map((p) => `«${p.value}»`).join(', ');
      this.ctx.warn({
        code: 'phone_invalid',
        message: `No valid phone number among the contacts (${written}): kept as written; the customer cannot log in until 1C has one`,
        record: `Контрагент ${r.externalId}`,
        line,
        element: 'Контрагент/Контакты',
        params: { phones: written },
      });
    }
    const hash = contentHash(r);
    const existing = await tx.query<{ id: string; source_hash: string | null }>(
      sql`SELECT id, source_hash FROM customers WHERE external_id = ${r.externalId}`,
    );
    if (existing[0]?.source_hash === hash) {
      this.ids.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const phone = login?.e164 ?? null;
    const phoneRaw = login?.raw ?? phones[0]?.value ?? null;
    const archivedAt = r.deleted ? this.ctx.now : null;
    // A phone an account made for shares holds passes to this customer, with its shares.
    const sharedAccount = phone && !r.deleted ? await this.sharedPhones.release(phone) : null;
    if (phone && !r.deleted) {
      const owner = await tx.query<{ external_id: string; full_name: string }>(
        sql`SELECT external_id, full_name FROM customers
             WHERE phone = ${phone} AND archived_at IS NULL AND external_id <> ${r.externalId}`,
      );
      if (owner[0]) {
        throw new ImportRecordError(
          `Phone ${phone} of customer ${r.externalId} («${r.fullName}») already belongs to customer ${owner[0].external_id} («${owner[0].full_name}»)`,
          line,
          'Контрагент/Контакты',
        );
      }
    }
    const legal = r.legal;
    const rows = await tx.query<{ id: string; inserted: boolean }>(
      sql`INSERT INTO customers (external_id, full_name, phone, phone_raw, email, bonus_balance,
                                 requisites, archived_at, source_hash, inn, kpp, official_name,
                                 legal_address, postal_address, bank_accounts)
          VALUES (${r.externalId}, ${r.fullName}, ${phone}, ${phoneRaw}, ${r.email},
                  COALESCE(${r.bonusBalance}::numeric, 0), ${JSON.stringify(r.requisites)}::jsonb,
                  ${archivedAt}, ${hash}, ${legal?.inn ?? null}, ${legal?.kpp ?? null},
                  ${legal?.officialName ?? null}, ${legal?.legalAddress ?? null},
                  ${legal?.postalAddress ?? null},
                  ${JSON.stringify(legal?.bankAccounts ?? [])}::jsonb)
          ON CONFLICT (external_id) DO UPDATE SET
            full_name = EXCLUDED.full_name, phone = EXCLUDED.phone, phone_raw = EXCLUDED.phone_raw,
            email = EXCLUDED.email,
            bonus_balance = COALESCE(${r.bonusBalance}::numeric, customers.bonus_balance),
            requisites = EXCLUDED.requisites,
            archived_at = CASE WHEN ${archivedAt}::timestamptz IS NULL THEN NULL
                               ELSE COALESCE(customers.archived_at, ${archivedAt}::timestamptz) END,
            inn = EXCLUDED.inn, kpp = EXCLUDED.kpp, official_name = EXCLUDED.official_name,
            legal_address = EXCLUDED.legal_address, postal_address = EXCLUDED.postal_address,
            bank_accounts = EXCLUDED.bank_accounts,
            source_hash = EXCLUDED.source_hash, updated_at = now()
          RETURNING id, (xmax = 0) AS inserted`,
    );
    this.ids.set(r.externalId, rows[0]!.id);
    if (rows[0]!.inserted) this.created.add(rows[0]!.id);
    if (sharedAccount) await this.sharedPhones.handOver(sharedAccount, rows[0]!.id, phone!);
    return rows[0]!.inserted ? 'created' : 'updated';
  }

  idOf(externalId: string): Promise<string | null> {
    return this.ids.get(externalId);
  }

  isNew(id: string): boolean {
    return this.created.has(id);
  }

  /** A full export lists every customer 1C has: the others are archived (kept, hidden). */
  async finish(header: ExchangeHeader): Promise<number> {
    if (header.onlyChanges) return 0;
    return this.ids.archiveOthers();
  }
}
