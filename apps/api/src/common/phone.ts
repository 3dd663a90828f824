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

/**
 * A phone for people, as the SPA writes it: `+79123456789` → `+7 912 345-67-89`; other countries
 * in libphonenumber's international format.
 */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  const n = parsed.nationalNumber;
  if (parsed.countryCallingCode === '7' && n.length === 10) {
    return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
  }
  return parsed.formatInternational();
}
