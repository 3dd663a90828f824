/** One-time codes sent by SMS to log in. */
export const OTP = {
  length: 6,
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  maxSendsPerWindow: 3,
  sendWindowSeconds: 10 * 60,
  /** The SPA offers "send again" after this many seconds. */
  resendAfterSeconds: 60,
} as const;

/** Header the SPA echoes the CSRF cookie in, on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';
/** Cookie names outside production; production prefixes them with `__Host-`. */
export const CSRF_COOKIE = 'kabinet_csrf';
export const SESSION_COOKIE = 'kabinet_session';
