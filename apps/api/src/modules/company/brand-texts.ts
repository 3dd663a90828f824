/** One SMS part in Cyrillic (UCS-2): a login code should cost one. */
export const ONE_SMS_LENGTH = 70;

/** At most `max` characters, cut after a whole word where one is long enough, with "…". */
function shorten(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.:;«"-]+$/u, '')}…`;
}

/**
 * The login code SMS, e.g. «Гранит-Мастер: код для входа 123456. Никому его не сообщайте.»: the
 * company's name first (shortened so the message stays one SMS), or "личный кабинет" without one.
 */
export function loginCodeSms(companyName: string | null, code: string): string {
  const rest = `код для входа ${code}. Никому его не сообщайте.`;
  const name = companyName?.trim();
  if (!name) return `Код для входа в личный кабинет: ${code}. Никому его не сообщайте.`;
  return `${shorten(name, ONE_SMS_LENGTH - rest.length - 2)}: ${rest}`;
}

/** An SMS from the company starts with its name: «Гранит-Мастер: …». */
export function smsFrom(companyName: string | null, text: string): string {
  const name = companyName?.trim();
  return name ? `${shorten(name, 40)}: ${text}` : text;
}
