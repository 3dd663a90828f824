/** What a contract is for; decides which object data the cabinet shows. */
export const CONTRACT_KINDS = ['memorial', 'renovation', 'consulting', 'other'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const ITEM_KINDS = ['goods', 'service'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Filter for contract lists: open work, finished work, or both. */
export const CONTRACT_STATE_FILTERS = ['active', 'closed', 'all'] as const;
export type ContractStateFilter = (typeof CONTRACT_STATE_FILTERS)[number];

/**
 * How a contract list can be ordered; `overdue` is by the days the oldest unpaid row of the
 * schedule is overdue (0 when none is).
 */
export const CONTRACT_SORTS = ['date', 'number', 'total', 'balanceDue', 'overdue'] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * Where a row of the payment schedule stands, computed by allocating the payments to the rows in
 * date order: paid; overdue (past its date, not covered in full); partlyPaid; due (the next row to
 * pay); upcoming.
 */
export const INSTALLMENT_STATUSES = ['paid', 'partlyPaid', 'overdue', 'due', 'upcoming'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];
