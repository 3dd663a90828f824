import createClient, { type Middleware } from 'openapi-fetch';
import { CSRF_COOKIE, CSRF_HEADER } from '@kabinet/shared';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type Schemas = components['schemas'];
export type Problem = components['schemas']['ProblemDto'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the CSRF token from a `Cookie`-style string (either the plain or the `__Host-` name). */
export function readCsrfToken(cookieHeader: string | undefined | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [rawName, ...rest] = part.trim().split('=');
    if (rawName === CSRF_COOKIE || rawName === `__Host-${CSRF_COOKIE}`) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
}

export interface ApiClientOptions {
  /** Origin of the API, e.g. `http://localhost:3000`; empty for same-origin in the browser. */
  baseUrl?: string;
  /** A fetch to use instead of the global one (tests pass one with a cookie jar). */
  fetch?: typeof fetch;
  /** Where the CSRF token comes from; defaults to `document.cookie` in a browser. */
  getCsrfToken?: () => string | undefined;
}

/** The typed client for Kabinet's REST API; every path and body type comes from the spec. */
export function createApiClient(options: ApiClientOptions = {}) {
  const getCsrfToken =
    options.getCsrfToken ??
    (() => (typeof document === 'undefined' ? undefined : readCsrfToken(document.cookie)));
  const csrf: Middleware = {
    onRequest({ request }) {
      if (!SAFE_METHODS.has(request.method.toUpperCase())) {
        const token = getCsrfToken();
        if (token) request.headers.set(CSRF_HEADER, token);
      }
      return request;
    },
  };
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    // Looked up per request, so a fetch installed later (a service worker shim, a test) is used.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(csrf);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
