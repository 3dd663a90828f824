import type { StaffRecord } from '@kabinet/exchange-1c';
import { normalizePhone } from '../../common/phone';
import { sql } from '../../database/sql';
import {
  ImportRecordError,
  contentHash,
  type ImportContext,
  type RecordImporter,
  type RecordOutcome,
  ExternalIds,
} from '../exchange/record-importer';

/** 1C's staff (`Сотрудник`) into `staff_users`, by 1C id; contracts refer to them. */
export class StaffImporter implements RecordImporter<'staff'> {
  readonly type = 'staff';
  readonly countKey = 'staff';
  readonly element = 'Сотрудник';
  private readonly ids: ExternalIds;

  constructor(private readonly ctx: ImportContext) {
    this.ids = new ExternalIds(ctx, 'staff_users');
  }

  describe(r: StaffRecord): string {
    return `Staff member ${r.externalId}`;
  }

  async apply(r: StaffRecord, line: number): Promise<RecordOutcome> {
    const { tx } = this.ctx;
    const hash = contentHash(r);
    const login = r.login.trim().toLowerCase();
    const existing = await tx.query<{ id: string; source_hash: string | null }>(
      sql`SELECT id, source_hash FROM staff_users WHERE external_id = ${r.externalId}`,
    );
    if (existing[0]?.source_hash === hash) {
      this.ids.set(r.externalId, existing[0].id);
      return 'unchanged';
    }
    const taken = await tx.query<{ external_id: string | null }>(
      sql`SELECT external_id FROM staff_users
           WHERE login = ${login} AND external_id IS DISTINCT FROM ${r.externalId}`,
    );
    if (taken[0]) {
      throw new ImportRecordError(
        taken[0].external_id
          ? `Staff login «${login}» of ${r.externalId} already belongs to 1C staff member ${taken[0].external_id}`
          : `Staff login «${login}» of ${r.externalId} is taken by an account created in Kabinet`,
        line,
        'Сотрудник',
      );
    }
    const phone = normalizePhone(r.phone);
    if (existing[0]) {
      await tx.query(
        sql`UPDATE staff_users SET login = ${login}, full_name = ${r.fullName}, role = ${r.role},
                   phone = ${phone}, email = ${r.email}, active = ${!r.deleted},
                   source_hash = ${hash}, updated_at = now()
             WHERE external_id = ${r.externalId}`,
      );
      this.ids.set(r.externalId, existing[0].id);
      return 'updated';
    }
    const rows = await tx.query<{ id: string }>(
      sql`INSERT INTO staff_users (external_id, login, full_name, role, phone, email, active,
                                   source_hash)
          VALUES (${r.externalId}, ${login}, ${r.fullName}, ${r.role}, ${phone}, ${r.email},
                  ${!r.deleted}, ${hash})
          RETURNING id`,
    );
    this.ids.set(r.externalId, rows[0]!.id);
    return 'created';
  }

  idOf(externalId: string): Promise<string | null> {
    return this.ids.get(externalId);
  }
}
