import { formatPhone, SHARE_LIMITS, type FieldError } from '@kabinet/shared';

// The rules of sharing a contract, as pure functions (share-rules.spec.ts holds them).

/**
 * Why a contract cannot be shared with `phone` (E.164), as the form's field error; null when it
 * can. `ownerPhone` is the owner's own login phone; `activeShares` how many people the contract
 * is shared with now; `alreadyShared` whether one of them is this phone's account.
 */
export function shareRefusal(o: {
  phone: string;
  ownerPhone: string | null;
  activeShares: number;
  alreadyShared: boolean;
}): FieldError | null {
  if (o.phone === o.ownerPhone) {
    return { path: 'phone', message: 'This is your own phone: the contract is yours already' };
  }
  if (o.alreadyShared) {
    return { path: 'phone', message: 'The contract is already shared with this phone' };
  }
  if (o.activeShares >= SHARE_LIMITS.activePerContract) {
    return {
      path: 'phone',
      message: `A contract can be shared with at most ${SHARE_LIMITS.activePerContract} people: revoke a share first`,
    };
  }
  return null;
}

/** The name of an account made for a share: what the owner called the person, else the phone. */
export function accountName(name: string | null, phone: string): string {
  return name ?? formatPhone(phone);
}

/** A name as typed: trimmed, with runs of white space as one space; null when nothing is left. */
export function cleanName(name: string | undefined): string | null {
  const cleaned = name?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}
