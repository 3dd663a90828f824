import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '@kabinet/shared';
import type { ProblemDto } from './problem.dto';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF protection: every response without the CSRF cookie sets one (readable by
 * the SPA, SameSite=Strict); every state-changing /api request must echo it in a header. A page on
 * another site can neither read the cookie nor set the header.
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
    if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
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
