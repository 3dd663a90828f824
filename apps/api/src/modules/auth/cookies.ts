import { CSRF_COOKIE, SESSION_COOKIE } from '@kabinet/shared';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../../config/config';

/** Cookie names and options: `__Host-` and Secure when cookies are secure (production). */
export function cookieSettings(config: Pick<AppConfig, 'cookieSecure' | 'sessionTtlDays'>) {
  const prefix = config.cookieSecure ? '__Host-' : '';
  const base: CookieSerializeOptions = {
    path: '/',
    secure: config.cookieSecure,
    sameSite: 'lax',
  };
  return {
    sessionName: `${prefix}${SESSION_COOKIE}`,
    csrfName: `${prefix}${CSRF_COOKIE}`,
    session: { ...base, httpOnly: true, maxAge: config.sessionTtlDays * 24 * 3600 },
    csrf: { ...base, httpOnly: false, sameSite: 'strict' as const },
  };
}
