/**
 * The search rules the staff lists share (contracts, customers): text by LIKE with the user's
 * wildcards escaped, phones by their digits.
 */

/** Escapes LIKE wildcards (and the escape character) in user input: `50%_a` → `50\%\_a`. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The LIKE pattern for phones matching the digits in `q` (`%9161234%`), or null when `q` has
 * fewer than three digits. A whole Russian number typed as 8 916… or +7 916… is found by its
 * national part, so it matches the stored E.164 phone whichever prefix was typed.
 */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `%${/^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits}%`;
}
