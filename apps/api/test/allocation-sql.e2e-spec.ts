import fc from 'fast-check';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMinor, sumMinor } from '@kabinet/shared';
import {
  allocatedRowsSql,
  contractMoneySql,
  contractsMoneySql,
  overdueConditionSql,
} from '../src/modules/contracts/contracts.sql';
import { sql, type Sql } from '../src/database/sql';
import { allocatePayments, type ScheduleRow } from '../src/modules/contracts/payment-allocation';
import { createTestDatabase } from './helpers';

/**
 * The list, the summary, the filter and the payment-notice job compute the schedule's money in
 * SQL; the contract's schedule tab in code (`allocatePayments`). They must agree on every
 * schedule: any amounts (zero and negative ones too), rows sharing a date, payments beyond
 * the schedule or below zero.
 */
describe('the SQL allocation of payments to the schedule', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pg: Client;
  let contractId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const rows = await pg.query<{ id: string }>(
      `WITH cu AS (INSERT INTO customers (external_id, full_name) VALUES ('cu', 'Тест')
                   RETURNING id)
       INSERT INTO contracts (external_id, number, date, customer_id, kind, status, total)
       SELECT 'k', 'Т-1', '2026-01-01', cu.id, 'other', 'В работе', 0 FROM cu RETURNING id`,
    );
    contractId = rows.rows[0]!.id;
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  const day = fc
    .integer({ min: 0, max: 60 })
    .map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10));
  /** Runs a statement built with the `sql` tag on the test's own connection. */
  const run = <T extends Record<string, unknown>>(s: Sql) =>
    pg.query<T>({ text: s.text, values: s.values });

  const kopecks = fc.oneof(
    fc.integer({ min: 0, max: 5_000_000 }),
    fc.constantFrom(0, 100, 5000),
    fc.integer({ min: -200_000, max: 0 }),
  );
  const amount = kopecks.map((k) => fromMinor(BigInt(k)));

  it('agrees with allocatePayments row by row, and on due now, overdue and the oldest overdue date', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ dueDate: day, amount }), { maxLength: 8 }),
        fc.array(amount, { maxLength: 3 }),
        day,
        async (rows, payments, today) => {
          const schedule: ScheduleRow[] = rows.map((r, i) => ({ ...r, lineNo: i + 1, note: null }));
          const paid = fromMinor(sumMinor(payments));
          await pg.query('BEGIN');
          try {
            await pg.query('DELETE FROM contract_installments WHERE contract_id = $1', [
              contractId,
            ]);
            for (const r of schedule) {
              await pg.query(
                `INSERT INTO contract_installments (contract_id, line_no, due_date, amount)
                 VALUES ($1, $2, $3, $4)`,
                [contractId, r.lineNo, r.dueDate, r.amount],
              );
            }
            await pg.query('UPDATE contracts SET paid = $2 WHERE id = $1', [contractId, paid]);
            const sqlRows = await run<{ line_no: number; outstanding: string }>(
              sql`SELECT a.line_no, a.outstanding::numeric(16, 2)::text AS outstanding
                 FROM contracts c CROSS JOIN LATERAL (${allocatedRowsSql('c')}) a
                WHERE c.id = ${contractId} ORDER BY a.line_no`,
            );
            const sqlMoney = await run<{
              due_now: string;
              overdue: string;
              overdue_since: string | null;
            }>(
              sql`SELECT m.due_now::text, m.overdue::text,
                      to_char(m.overdue_since, 'YYYY-MM-DD') AS overdue_since
                 FROM contracts c CROSS JOIN LATERAL (${contractMoneySql('c', today)}) m
                WHERE c.id = ${contractId}`,
            );
            // The one-pass form over a set of contracts (lists, sums, the overdue filter).
            const sqlSet = await run<{
              due_now: string;
              overdue: string;
              overdue_since: string | null;
            }>(
              sql`SELECT m.due_now::text, m.overdue::text,
                      to_char(m.overdue_since, 'YYYY-MM-DD') AS overdue_since
                 FROM (${contractsMoneySql(sql`SELECT c.id, c.paid FROM contracts c WHERE c.id = ${contractId}`, today)}) m`,
            );
            const filtered = await run<{ n: string }>(
              sql`SELECT count(*) AS n FROM contracts c WHERE ${overdueConditionSql(sql`c.id = ${contractId}`, today)}`,
            );
            const a = allocatePayments(
              schedule,
              payments.map((p) => ({ date: '2026-03-01', amount: p })),
              today,
            );
            const overdue = a.rows.filter((r) => r.status === 'overdue');
            expect(sqlRows.rows.map((r) => [r.line_no, r.outstanding])).toEqual(
              [...a.rows].sort((x, y) => x.lineNo - y.lineNo).map((r) => [r.lineNo, r.outstanding]),
            );
            const expected = {
              due_now: a.dueNow,
              overdue: fromMinor(sumMinor(overdue.map((r) => r.outstanding))),
              overdue_since: overdue[0]?.dueDate ?? null,
            };
            expect(sqlMoney.rows[0]).toEqual(expected);
            expect(
              sqlSet.rows[0] ?? { due_now: '0.00', overdue: '0.00', overdue_since: null },
            ).toEqual(expected);
            expect(Number(filtered.rows[0]!.n)).toBe(overdue.length > 0 ? 1 : 0);
          } finally {
            await pg.query('ROLLBACK');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
