import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '@kabinet/shared';
import { DomainError } from './domain-error';
import { mergeRouteConfig } from './route-config';

/** The key in a route's Fastify config that lets it take multipart/form-data (see `Upload`). */
export const MULTIPART = 'multipart';

declare module 'fastify' {
  interface FastifyContextConfig {
    [MULTIPART]?: boolean;
  }
}

/** The route takes a file as multipart/form-data; every other route answers such a body 415. */
export function Upload(): MethodDecorator {
  return mergeRouteConfig({ [MULTIPART]: true });
}

/** A lone surrogate: half of a UTF-16 pair, not a character (JSON lets `"\ud800"` through). */
const LONE_SURROGATE = /\p{Cs}/u;
/** How deep the check follows a JSON body; deeper than any DTO nests, and deeper is refused. */
const MAX_DEPTH = 32;

/** Why a text cannot be taken as it is, or null. PostgreSQL refuses NUL in text and JSON. */
export function badText(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) {
    return 'must be valid Unicode text (it has half of a surrogate pair, e.g. \\ud800)';
  }
  return null;
}

function check(value: unknown, path: string, out: FieldError[], depth: number): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    const why = badText(value);
    if (why) out.push({ path: path || 'body', message: `${path || 'The body'} ${why}` });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    out.push({ path: path || 'body', message: `Nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyWhy = badText(key);
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (keyWhy) out.push({ path: path || 'body', message: `A field name ${keyWhy}` });
    else check(item, at, out, depth + 1);
  }
}

/** Every text a request carries (path, query, JSON body: values and names), checked. */
export function textErrors(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>) {
  const out: FieldError[] = [];
  check(request.params, '', out, 0);
  check(request.query, '', out, 0);
  check(request.body, '', out, 0);
  return out;
}

/**
 * Checks at the edge, before any guard, pipe or handler sees the request, so no route can forget
 * them: no NUL and no lone surrogate in any text (a 400 naming the field), and a multipart body
 * only where the matched route takes uploads (a 415 elsewhere). The matched route decides, never
 * the URL.
 */
export function registerEdgeChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !request.routeOptions.config?.[MULTIPART]) {
      throw new DomainError(
        'unsupported_media_type',
        'This route takes JSON, not multipart/form-data',
      );
    }
    const errors = textErrors(request);
    if (errors.length) throw DomainError.validation(errors);
  });
}

/**
 * JSON bodies: Fastify's own parser (which refuses `__proto__` poisoning), with its errors as
 * `malformed_request` problems, and only a JSON object as a body (every route takes an object;
 * `null`, `[]`, `12` or `"text"` would reach the handlers as something no DTO describes).
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  // Fastify's text/plain parser goes too: a route that takes JSON answers anything else 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parse(request, body as string, (err: Error | null, value?: unknown) => {
      if (err) {
        const empty = (err as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
        done(
          new DomainError(
            'malformed_request',
            empty
              ? 'The body is empty: send a JSON object (or no content-type)'
              : `The body is not valid JSON: ${err.message}`,
          ),
        );
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        done(new DomainError('malformed_request', 'The body must be a JSON object'));
        return;
      }
      done(null, value);
    });
  });
}
