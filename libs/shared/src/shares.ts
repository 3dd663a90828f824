/**
 * Sharing a contract with family members: the contract's owner (the customer 1C names) lets
 * another person, known by phone, see it (`read`) or also act on it (`full`: write in its chats,
 * decide approvals). The person logs in by SMS code like any customer.
 */
export const SHARE_ACCESS = ['read', 'full'] as const;
export type ShareAccess = (typeof SHARE_ACCESS)[number];

export const SHARE_LIMITS = {
  /** The most people one contract is shared with at a time (revoked shares do not count). */
  activePerContract: 10,
} as const;
