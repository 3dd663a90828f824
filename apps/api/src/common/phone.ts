import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DEFAULT_PHONE_REGION, phoneCandidate } from '@kabinet/shared';

/**
 * Normalises a phone to E.164 (default region RU): `8 (912) 345-67-89`, `+7 912 345 6789` and
 * `79123456789` are one number, `+79123456789`. Null when it is not a valid phone number.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phoneCandidate(raw), DEFAULT_PHONE_REGION);
  return parsed?.isValid() ? parsed.number : null;
}
