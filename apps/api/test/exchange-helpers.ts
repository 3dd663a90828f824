import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';
import type { TestApp } from './helpers';

/**
 * The business data of a database, without generated ids and timestamps: two imports that
 * should leave the same data compare equal.
 */
export async function snapshot(t: Pick<TestApp, 'sql'>): Promise<Record<string, unknown[]>> {
  const q = (text: string) => t.sql(text);
  return {
    staff: await q(
      `SELECT external_id, login, full_name, role, phone, email, active FROM staff_users
        WHERE external_id IS NOT NULL ORDER BY external_id`,
    ),
    customers: await q(
      `SELECT external_id, full_name, phone, phone_raw, email, bonus_balance, requisites,
              inn, kpp, official_name, legal_address, postal_address, bank_accounts,
              archived_at IS NOT NULL AS archived FROM customers ORDER BY external_id`,
    ),
    contracts: await q(
      `SELECT c.external_id, c.number, to_char(c.date, 'YYYY-MM-DD') AS date,
              cu.external_id AS customer, m.external_id AS manager, c.kind, c.status, c.closed,
              c.total, c.currency, to_char(c.planned_end_date, 'YYYY-MM-DD') AS planned_end,
              c.object, c.requisites, c.taxes, c.archived_at IS NOT NULL AS archived, c.paid
         FROM contracts c JOIN customers cu ON cu.id = c.customer_id
         LEFT JOIN staff_users m ON m.id = c.manager_id ORDER BY c.external_id`,
    ),
    items: await q(
      `SELECT c.external_id AS contract, i.line_no, i.external_id, i.name, i.name_raw, i.kind,
              i.quantity, i.unit, i.price, i.amount, i.tax_name, i.tax_rate, i.tax_exempt,
              i.tax_amount, i.tax_included
         FROM contract_items i JOIN contracts c ON c.id = i.contract_id
        ORDER BY c.external_id, i.line_no`,
    ),
    installments: await q(
      `SELECT c.external_id AS contract, s.line_no, to_char(s.due_date, 'YYYY-MM-DD') AS due,
              s.amount, s.note
         FROM contract_installments s JOIN contracts c ON c.id = s.contract_id
        ORDER BY c.external_id, s.line_no`,
    ),
    stages: await q(
      `SELECT c.external_id AS contract, s.external_id, s.line_no, s.name, s.description,
              to_char(s.start_date, 'YYYY-MM-DD') AS start, to_char(s.end_date, 'YYYY-MM-DD') AS end,
              s.previous_external_id
         FROM contract_stages s JOIN contracts c ON c.id = s.contract_id
        ORDER BY c.external_id, s.external_id`,
    ),
    assignees: await q(
      `SELECT c.external_id AS contract, s.external_id AS staff
         FROM contract_assignees a JOIN contracts c ON c.id = a.contract_id
         JOIN staff_users s ON s.id = a.staff_user_id ORDER BY 1, 2`,
    ),
    payments: await q(
      `SELECT p.external_id, c.external_id AS contract, p.number, to_char(p.date, 'YYYY-MM-DD') AS date,
              p.amount, p.currency, p.method, p.archived_at IS NOT NULL AS archived
         FROM contract_payments p JOIN contracts c ON c.id = p.contract_id ORDER BY p.external_id`,
    ),
    notifications: await q(
      `SELECT cu.external_id AS customer, c.external_id AS contract, n.kind, n.params
         FROM notifications n JOIN customers cu ON cu.id = n.customer_id
         LEFT JOIN contracts c ON c.id = n.contract_id ORDER BY 1, 2, 3, n.params::text`,
    ),
  };
}

export function sampleFiles(kind: 'ok' | 'not-ok'): string[] {
  return readdirSync(join(SAMPLES_DIR, kind))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => join(SAMPLES_DIR, kind, f));
}

/**
 * Empties every table the importer writes (between golden files in one database). The events of
 * what ran before are handled first: a consumer's transaction still reading the tables (a
 * contract's chat, a notification) and the TRUNCATE's locks on them could deadlock; should a
 * late one still meet it, PostgreSQL picks one side and the TRUNCATE is simply run again.
 */
export async function emptyImportedData(t: Pick<TestApp, 'sql' | 'settle'>): Promise<void> {
  await t.settle();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await t.sql(
        `TRUNCATE contract_payments, contract_installments, contract_stages, contract_assignees,
                  contract_items, contracts, customers, exchange_files, exchange_runs CASCADE`,
      );
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt === 3) throw err;
    }
  }
  await t.sql(`DELETE FROM staff_users WHERE external_id IS NOT NULL`);
}
