import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@kabinet/shared';
import type { ProblemDto } from './problem.dto';
import { mergeRouteConfig } from './route-config';

/** The only methods that never need the token: they must not change anything. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The key in a route's Fastify config that exempts it from the CSRF check. */
export const CSRF_EXEMPT = 'csrfExempt';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Why this route takes no CSRF token (see `CsrfExempt`). */
    [CSRF_EXEMPT]?: string;
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Exempts a route from the CSRF check. Only for callers that do not authenticate with the
 * browser's cookies (a request signed by its sender, an API key in a header): say which in
 * `reason`. The exemption lives in the route's own Fastify config, so it is read from the route
 * the request was matched to, never from its URL. Merges with other route config.
 */
export function CsrfExempt(reason: string): MethodDecorator {
  if (!reason.trim()) throw new Error('CsrfExempt needs a reason');
  return mergeRouteConfig({ [CSRF_EXEMPT]: reason });
}

/** The exemption of the route this request was matched to; none for an unmatched request. */
function exemption(request: FastifyRequest): string | null {
  // `routeOptions` describes the matched route (the not-found handler when nothing matched), so
  // no spelling of a URL (percent-encoding, case, slashes) can move a request out of the check.
  const reason: unknown = request.routeOptions?.config?.[CSRF_EXEMPT];
  return typeof reason === 'string' && reason.length > 0 ? reason : null;
}

/**
 * Double-submit CSRF protection: every response without the CSRF cookie sets one (readable by
 * the SPA, SameSite=Strict); every request with another method than GET, HEAD or OPTIONS must
 * echo it in a header, whatever its URL, unless the route it was matched to is exempt
 * (`@CsrfExempt`). A page on another site can neither read the cookie nor set the header.
 */
export function registerCsrf(
  app: FastifyInstance,
  cookie: { name: string; options: Record<string, unknown> },
): void {
  app.addHook('onRequest', async (request, reply) => {
    let token = request.cookies[cookie.name];
    if (!token) {
      token = randomBytes(24).toString('base64url');
      void reply.setCookie(cookie.name, token, cookie.options);
    }
    if (SAFE.has(request.method) || exemption(request)) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !request.cookies[cookie.name] || !same(header, token)) {
      const body: ProblemDto = {
        type: 'https://kabinet.dev/problems/csrf_failed',
        title: 'Missing or wrong CSRF token: reload the page and try again',
        status: 403,
        code: 'csrf_failed',
        requestId: String(request.id),
      };
      return reply.status(403).type('application/problem+json').send(body);
    }
  });
}
