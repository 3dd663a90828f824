/**
 * Whether `value` looks like an e-mail address a person can be written to: one `@`, no spaces, a
 * dot in the domain and a top-level part of 2+ characters. The SPA's form and the API use the
 * same rule, so what the form accepts the API accepts.
 */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
}
