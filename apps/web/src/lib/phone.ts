import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Reads a phone the way the API does (region RU): `8 (912) 345-67-89`, `+7 912 345 6789` and
 * `79123456789` are one number. Returns E.164 or null.
 */
export function parsePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/\D/g, '');
  const candidate = /^7\d{10}$/.test(digits) && !trimmed.startsWith('+') ? `+${digits}` : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, 'RU');
  return parsed?.isValid() ? parsed.number : null;
}

/** `+79123456789` → `+7 912 345-67-89`. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
