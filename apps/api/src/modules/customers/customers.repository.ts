import { Inject, Injectable } from '@nestjs/common';
import { likeEscape, phoneDigits } from '../../common/search';
import { Repository } from '../../database/repository';
import { DB, join, sql, type Db, type Sql } from '../../database/sql';

/** A row of the staff's customer list. */
export interface CustomerListRow {
  id: string;
  full_name: string;
  phone: string | null;
  email: string | null;
  inn: string | null;
  official_name: string | null;
  contracts: string;
  last_contract_date: string | null;
  balance_due: string;
  total_count: string;
}

/** Customers as staff look them up, and the staff session's "view as" switch. */
@Injectable()
export class CustomersRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  /**
   * One statement: a page of the customers passing `customerScope` (on `cu`) and the search `q`,
   * with their contracts (passing `contractScope`, on `c`) counted and summed; `total_count` on
   * every row.
   */
  async page(o: {
    customerScope: Sql;
    contractScope: Sql;
    q?: string;
    limit: number;
    offset: number;
  }): Promise<CustomerListRow[]> {
    const where = [sql`cu.archived_at IS NULL`, o.customerScope];
    const q = o.q?.trim().toLowerCase();
    if (q) where.push(customerSearch(q));
    return this.db.query<CustomerListRow>(
      // The filter and the page on customers alone; the per-customer sums only for the page.
      sql`WITH filtered AS MATERIALIZED (
         SELECT cu.id, cu.full_name FROM customers cu WHERE ${join(where, ' AND ')}
       ), page AS (
         SELECT f.id FROM filtered f ORDER BY f.full_name, f.id LIMIT ${o.limit} OFFSET ${o.offset}
       )
       SELECT cu.id, cu.full_name, cu.phone, cu.email, cu.inn, cu.official_name, s.contracts,
              s.last_contract_date,
              s.balance_due, (SELECT count(*) FROM filtered) AS total_count
         FROM page p JOIN customers cu ON cu.id = p.id
         CROSS JOIN LATERAL (
           SELECT count(*) AS contracts, to_char(max(c.date), 'YYYY-MM-DD') AS last_contract_date,
                  COALESCE(sum(c.total - c.paid), 0) AS balance_due
             FROM contracts c
            WHERE c.customer_id = cu.id AND c.archived_at IS NULL AND ${o.contractScope}) s
        ORDER BY cu.full_name, cu.id`,
    );
  }

  /** Points the session at the customer it views as (null: back to the staff member's own). */
  async setViewAs(sessionId: string, customerId: string | null): Promise<void> {
    await this.db.query(
      sql`UPDATE sessions SET view_as_customer_id = ${customerId} WHERE id = ${sessionId}`,
    );
  }
}

/**
 * The customer list's search (`q` trimmed, lower case): the name or a contract number contains
 * it, the ИНН is it, or the phone contains its digits.
 */
function customerSearch(q: string): Sql {
  const like = `%${likeEscape(q)}%`;
  const conditions = [
    sql`lower(cu.full_name) LIKE ${like}`,
    // Its own table, so the contracts' trigram index can answer it.
    sql`cu.id IN (SELECT qc.customer_id FROM contracts qc
                   WHERE qc.archived_at IS NULL AND lower(qc.number) LIKE ${like})`,
  ];
  if (/^(\d{10}|\d{12})$/.test(q)) conditions.push(sql`cu.inn = ${q}`); // a company by its ИНН
  const phone = phoneDigits(q);
  if (phone) conditions.push(sql`cu.phone LIKE ${phone}`);
  return sql`(${join(conditions, ' OR ')})`;
}
