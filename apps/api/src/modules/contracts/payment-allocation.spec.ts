import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinor, toMinor } from '@kabinet/shared';
import { allocatePayments, type ScheduleRow } from './payment-allocation';

const schedule: ScheduleRow[] = [
  { lineNo: 1, dueDate: '2026-03-01', amount: '30000.00', note: 'Аванс' },
  { lineNo: 2, dueDate: '2026-04-01', amount: '40000.00', note: null },
  { lineNo: 3, dueDate: '2026-05-01', amount: '30000.00', note: 'После установки' },
];

const pick = (a: ReturnType<typeof allocatePayments>) =>
  a.rows.map((r) => [r.lineNo, r.status, r.paid, r.daysOverdue, r.daysLate]);

describe('allocatePayments', () => {
  it('marks rows paid on time, the next one due and later ones upcoming', () => {
    const a = allocatePayments(
      schedule,
      [{ date: '2026-02-20', amount: '30000.00' }],
      '2026-03-10',
    );
    expect(pick(a)).toEqual([
      [1, 'paid', '30000.00', 0, 0],
      [2, 'due', '0.00', 0, 0],
      [3, 'upcoming', '0.00', 0, 0],
    ]);
    expect(a.dueNow).toBe('0.00');
    expect(a.next).toEqual({ lineNo: 2, dueDate: '2026-04-01', outstanding: '40000.00' });
  });

  it('lets an early payment cover later rows', () => {
    const a = allocatePayments(
      schedule,
      [{ date: '2026-02-01', amount: '80000.00' }],
      '2026-03-10',
    );
    expect(pick(a)).toEqual([
      [1, 'paid', '30000.00', 0, 0],
      [2, 'paid', '40000.00', 0, 0],
      [3, 'partlyPaid', '10000.00', 0, 0],
    ]);
    expect(a.rows[1]!.paidOn).toBe('2026-02-01');
    expect(a.next).toEqual({ lineNo: 3, dueDate: '2026-05-01', outstanding: '20000.00' });
  });

  it('shows a missed row as overdue with the days, and what is due now', () => {
    const a = allocatePayments(
      schedule,
      [
        { date: '2026-03-01', amount: '30000.00' },
        { date: '2026-04-05', amount: '15000.00' },
      ],
      '2026-04-11',
    );
    expect(pick(a)).toEqual([
      [1, 'paid', '30000.00', 0, 0],
      [2, 'overdue', '15000.00', 10, 0],
      [3, 'due', '0.00', 0, 0],
    ]);
    expect(a.dueNow).toBe('25000.00');
    // The overdue row is in what is due now; the next payment is the one still ahead.
    expect(a.next).toEqual({ lineNo: 3, dueDate: '2026-05-01', outstanding: '30000.00' });
  });

  it('says how late a row was paid once it is covered', () => {
    const a = allocatePayments(
      schedule,
      [
        { date: '2026-03-01', amount: '30000.00' },
        { date: '2026-04-15', amount: '40000.00' },
      ],
      '2026-04-20',
    );
    expect(a.rows[1]).toMatchObject({ status: 'paid', paidOn: '2026-04-15', daysLate: 14 });
  });

  it('counts a row due today in what to pay now, not as overdue', () => {
    const a = allocatePayments(schedule, [], '2026-03-01');
    expect(a.rows[0]).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(a.dueNow).toBe('30000.00');
    expect(a.next?.lineNo).toBe(2);
  });

  it('orders rows by date whatever order 1C sent them in, and keeps overpayment apart', () => {
    const a = allocatePayments(
      [...schedule].reverse(),
      [{ date: '2026-01-10', amount: '100500.00' }],
      '2026-06-01',
    );
    expect(a.rows.map((r) => r.lineNo)).toEqual([1, 2, 3]);
    expect(a.rows.every((r) => r.status === 'paid')).toBe(true);
    expect(a.overpaid).toBe('500.00');
    expect(a.next).toBeNull();
  });

  it('keeps the sums exact for any schedule and payments', () => {
    const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => fromMinor(BigInt(n)));
    const date = fc
      .integer({ min: 0, max: 365 })
      .map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ dueDate: date, amount: money }), { maxLength: 12 }),
        fc.array(fc.record({ date, amount: money }), { maxLength: 12 }),
        date,
        (rows, pays, today) => {
          const sched = rows.map((r, i) => ({ ...r, lineNo: i + 1, note: null }));
          const a = allocatePayments(sched, pays, today);
          const paid = pays.reduce((s, p) => s + toMinor(p.amount), 0n);
          const allocated = a.rows.reduce((s, r) => s + toMinor(r.paid), 0n);
          // Every kopeck goes to a row or to the overpayment.
          expect(allocated + toMinor(a.overpaid)).toBe(paid);
          for (const r of a.rows) {
            expect(toMinor(r.paid) + toMinor(r.outstanding)).toBe(toMinor(r.amount));
            if (r.status === 'overdue') expect(r.daysOverdue).toBeGreaterThan(0);
          }
          // Rows are covered in date order: no uncovered row before a covered one.
          const firstOpen = a.rows.findIndex((r) => r.outstanding !== '0.00');
          if (firstOpen >= 0) {
            for (const r of a.rows.slice(firstOpen + 1)) expect(r.paid).toBe('0.00');
          }
        },
      ),
    );
  });
});
