import { createApiClient, type Problem } from '@kabinet/api-client';

/** The one API client of the SPA (same origin; adds the CSRF header itself). */
export const api = createApiClient({ baseUrl: globalThis.location?.origin ?? '' });

/** An API error the UI can show: a typed code and field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
  get code(): string {
    return this.problem.code ?? (this.status >= 500 ? 'internal' : 'unknown');
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, (result.error ?? {}) as Partial<Problem>);
  }
  return result.data as T;
}
