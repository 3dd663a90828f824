// Payment allocation: payments cover the schedule's rows in due-date order (row status, due now).
import { fromMinor, minMinor, toMinor } from '@kabinet/shared';

/** Where a row of the payment schedule stands today. */
export const INSTALLMENT_STATUSES = ['paid', 'partlyPaid', 'overdue', 'due', 'upcoming'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface ScheduleRow {
  lineNo: number;
  /** YYYY-MM-DD */
  dueDate: string;
  amount: string;
  note: string | null;
}

export interface PaymentRow {
  /** YYYY-MM-DD */
  date: string;
  amount: string;
}

export interface AllocatedRow extends ScheduleRow {
  status: InstallmentStatus;
  /** What the payments cover of this row. */
  paid: string;
  /** What is left to pay of this row. */
  outstanding: string;
  /** When payments in date order covered the row in full; null while not covered. */
  paidOn: string | null;
  /** Days past the due date while not paid in full; 0 otherwise. */
  daysOverdue: number;
  /** Days the row was paid after its due date; 0 when on time or not paid yet. */
  daysLate: number;
}

export interface Allocation {
  rows: AllocatedRow[];
  /** Sum of payments. */
  paid: string;
  /** What is overdue or due today: pay this now. */
  dueNow: string;
  /** The earliest row not paid in full (overdue ones first), or null when all is paid. */
  next: { lineNo: number; dueDate: string; outstanding: string } | null;
  /** Payments beyond the whole schedule. */
  overpaid: string;
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Allocates the payments to the schedule rows in due-date order, so an early payment covers later
 * rows and a row nobody paid by its date shows as overdue. `today` is the company's date.
 *
 * - paid: covered in full (`paidOn` tells when, `daysLate` if after the due date);
 * - overdue: past the due date and not covered in full (`paid` may be partial);
 * - partlyPaid: some of it covered, the due date still ahead;
 * - due: the next row to pay (the earliest uncovered row not yet overdue);
 * - upcoming: later rows.
 */
export function allocatePayments(
  schedule: readonly ScheduleRow[],
  payments: readonly PaymentRow[],
  today: string,
): Allocation {
  const rows = [...schedule].sort((a, b) =>
    a.dueDate === b.dueDate ? a.lineNo - b.lineNo : a.dueDate < b.dueDate ? -1 : 1,
  );
  const paysByDate = [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const totalPaid = paysByDate.reduce((s, p) => s + toMinor(p.amount), 0n);

  // When did the cumulative payments reach a given cumulative amount?
  const reachedOn = (target: bigint): string | null => {
    let sum = 0n;
    for (const p of paysByDate) {
      sum += toMinor(p.amount);
      if (sum >= target) return p.date;
    }
    return null;
  };

  let left = totalPaid > 0n ? totalPaid : 0n;
  let cumulative = 0n;
  let dueNow = 0n;
  let nextAssigned = false;
  const out: AllocatedRow[] = rows.map((row) => {
    const amount = toMinor(row.amount);
    cumulative += amount;
    const paid = minMinor(amount, left);
    left -= paid;
    const outstanding = amount - paid;
    const paidOn =
      outstanding === 0n ? (amount === 0n ? row.dueDate : reachedOn(cumulative)) : null;
    const pastDue = row.dueDate < today;
    let status: InstallmentStatus;
    if (outstanding === 0n) status = 'paid';
    else if (pastDue) status = 'overdue';
    else if (!nextAssigned) {
      status = paid > 0n ? 'partlyPaid' : 'due';
      nextAssigned = true;
    } else status = paid > 0n ? 'partlyPaid' : 'upcoming';
    if (outstanding > 0n && row.dueDate <= today) dueNow += outstanding;
    return {
      ...row,
      status,
      paid: fromMinor(paid),
      outstanding: fromMinor(outstanding),
      paidOn,
      daysOverdue: outstanding > 0n && pastDue ? daysBetween(row.dueDate, today) : 0,
      daysLate: paidOn && paidOn > row.dueDate ? daysBetween(row.dueDate, paidOn) : 0,
    };
  });
  // What the customer will have to pay next, after what is due now (shown apart as `dueNow`).
  const next = out.find((r) => r.outstanding !== '0.00' && r.dueDate > today) ?? null;
  return {
    rows: out,
    paid: fromMinor(totalPaid),
    dueNow: fromMinor(dueNow),
    next: next
      ? { lineNo: next.lineNo, dueDate: next.dueDate, outstanding: next.outstanding }
      : null,
    overpaid: fromMinor(left),
  };
}
