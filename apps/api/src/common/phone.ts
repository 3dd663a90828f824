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
 * The login phone among a counterparty's phones (1C's preference order): the first valid number
 * whose contact type says mobile, else the first valid mobile number, else the first valid one.
 * Work numbers with an extension count (`8-912-345-67-89 доб. 12` → +79123456789). Null when
 * none is valid.
 */
export function pickLoginPhone(
  phones: ReadonlyArray<{ type: string; value: string }>,
): { e164: string; raw: string } | null {
  const valid = phones.flatMap((p) => {
    if (!p.value.trim()) return [];
    const parsed = parsePhoneNumberFromString(phoneCandidate(p.value), DEFAULT_PHONE_REGION);
    if (!parsed?.isValid()) return [];
    const mobile = parsed.getType() === 'MOBILE' || parsed.getType() === 'FIXED_LINE_OR_MOBILE';
    return [
      {
        e164: parsed.number as string,
        raw: p.value,
        typed: /моб|mobile|сотов|cell/i.test(p.type),
        mobile,
      },
    ];
  });
  const best = valid.find((v) => v.typed) ?? valid.find((v) => v.mobile) ?? valid[0] ?? null;
  return best && { e164: best.e164, raw: best.raw };
}
