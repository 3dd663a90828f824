import type { ErrorCode, FieldError } from '@kabinet/shared';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  csrf_failed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  malformed_request: 400,
  unsupported_media_type: 415,
  uri_too_long: 414,
  headers_too_large: 431,
  conflict: 409,
  read_only: 403,
  unavailable: 503,
  otp_invalid: 401,
  otp_attempts_exceeded: 429,
  otp_send_limit: 429,
  otp_resend_too_soon: 429,
  invalid_credentials: 401,
  account_locked: 429,
  internal: 500,
};

/** An error the API expects and answers with a typed code (see ProblemFilter). */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: FieldError[];
      retryAfterSeconds?: number;
      attemptsLeft?: number;
    } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  static notFound(what = 'Resource'): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }

  static validation(fields: FieldError[]): DomainError {
    return new DomainError('validation_failed', 'The request is not valid', { fields });
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}
