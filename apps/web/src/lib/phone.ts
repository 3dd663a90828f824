import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { DEFAULT_PHONE_REGION, phoneCandidate } from '@kabinet/shared';

/** Reads a phone the way the API does (same rule, region RU). Returns E.164 or null. */
export function parsePhone(raw: string): string | null {
  if (!raw.trim()) return null;
  const parsed = parsePhoneNumberFromString(phoneCandidate(raw), DEFAULT_PHONE_REGION);
  return parsed?.isValid() ? parsed.number : null;
}

/** `+79123456789` → `+7 912 345 67 89`. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
