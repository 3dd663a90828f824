// The SPA's (smaller) metadata: formatting is the same as with the full set, checked over every
// calling code; validation by number type (the API's `normalizePhone`) needs `/max`.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * The one Kabinet-specific rule before a phone goes to libphonenumber (region RU): eleven digits
 * starting with 7 and written without a plus (`79123456789`) are an international number, not a
 * national one. Returns the string to parse.
 */
export function phoneCandidate(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  return /^7\d{10}$/.test(digits) && !trimmed.startsWith('+') ? `+${digits}` : trimmed;
}

/** Region phones are read in when they carry no country code. */
export const DEFAULT_PHONE_REGION = 'RU';

/**
 * A phone for people: `+79123456789` → `+7 912 345-67-89` (the way Russian numbers are written);
 * other countries in libphonenumber's international format; what does not parse as it came. The
 * one phone formatter of the API and the SPA.
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
