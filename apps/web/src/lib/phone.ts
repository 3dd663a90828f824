import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import {
  DEFAULT_PHONE_REGION,
  formatPhone,
  phoneCandidate,
  type ProfileField,
} from '@kabinet/shared';

/** Reads a phone the way the API does (same rule, region RU). Returns E.164 or null. */
export function parsePhone(raw: string): string | null {
  if (!raw.trim()) return null;
  const parsed = parsePhoneNumberFromString(phoneCandidate(raw), DEFAULT_PHONE_REGION);
  return parsed?.isValid() ? parsed.number : null;
}

/** A value of a change request as people read it: a phone formatted (or as typed when it is not one), an e-mail as is. */
export function formatRequestValue(field: ProfileField, value: string): string {
  return field === 'phone' ? formatPhone(value) || value : value;
}
