import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { DEFAULT_PHONE_REGION, phoneCandidate, type ProfileField } from '@kabinet/shared';

/** Reads a phone the way the API does (same rule, region RU). Returns E.164 or null. */
export function parsePhone(raw: string): string | null {
  if (!raw.trim()) return null;
  const parsed = parsePhoneNumberFromString(phoneCandidate(raw), DEFAULT_PHONE_REGION);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * A phone for people: `+79123456789` → `+7 912 345-67-89` (the way Russian numbers are written);
 * other countries in libphonenumber's international format.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  const n = parsed.nationalNumber;
  if (parsed.countryCallingCode === '7' && n.length === 10) {
    return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
  }
  return parsed.formatInternational();
}

/** A value of a change request as people read it: a phone formatted (or as typed when it is not one), an e-mail as is. */
export function formatRequestValue(field: ProfileField, value: string): string {
  return field === 'phone' ? formatPhone(value) || value : value;
}
