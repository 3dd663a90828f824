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
