/**
 * The longest texts people may type, in characters: the API's DTOs refuse longer ones (a 400
 * whose field message says the limit) and the SPA's forms count towards the same numbers.
 */
export const TEXT_LIMITS = {
  /** The new phone or e-mail in a contact change request. */
  changeRequestValue: 200,
  /** A customer's comment to a contact change request. */
  changeRequestComment: 1000,
  /** A staff member's answer to a change request (the customer reads it). */
  resolution: 1000,
  /** A search in the contract and customer lists. */
  search: 100,
  /** What a contract's owner calls the person they share it with («Сын», «Мария»). */
  shareName: 100,
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;
