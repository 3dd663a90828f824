/**
 * Typed error codes. The API answers every error as application/problem+json with one of these
 * in `code`; the SPA shows a translated message per code.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  /**
   * Nothing can be changed here: a staff member viewing a customer's cabinet, or a person a
   * contract is shared with read-only, tried to change something.
   */
  'read_only',
  'not_found',
  'csrf_failed',
  'rate_limited',
  'payload_too_large',
  /** The body cannot be read: not JSON, not a JSON object, a broken multipart body. */
  'malformed_request',
  /** The body's content type is not one the route takes (JSON; a file upload: multipart). */
  'unsupported_media_type',
  /** The URL (a path parameter) is longer than any the API takes. */
  'uri_too_long',
  /** The request's head (the URL with its query, the headers) is larger than the server reads. */
  'headers_too_large',
  /** The request collides with work in progress (e.g. an exchange run is going). */
  'conflict',
  /** A service Kabinet depends on (the SFTP server) cannot be reached. */
  'unavailable',
  'otp_invalid',
  'otp_attempts_exceeded',
  /** Three codes per phone in ten minutes are used up. */
  'otp_send_limit',
  /** A code went to this phone less than `OTP.resendAfterSeconds` ago. */
  'otp_resend_too_soon',
  'invalid_credentials',
  'account_locked',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field in the request body or query, e.g. `phone`. */
  path: string;
  message: string;
  /** For a text that is too long: the most characters the field takes (the SPA says so). */
  maxLength?: number;
}
