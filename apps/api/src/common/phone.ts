import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone to E.164 (default region RU): `8 (912) 345-67-89`, `+7 912 345 6789` and
 * `79123456789` are one number, `+79123456789`. Null when it is not a valid phone number.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  // "79123456789" without a plus is an international number written the Russian way.
  const digits = trimmed.replace(/\D/g, '');
  const candidate = /^7\d{10}$/.test(digits) && !trimmed.startsWith('+') ? `+${digits}` : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, 'RU');
  return parsed?.isValid() ? parsed.number : null;
}
