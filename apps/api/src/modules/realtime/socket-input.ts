import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { AckError } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { textErrors } from '../../common/edge';
import { HTTP_CODES } from '../../common/problem.filter';
import { validateBody } from '../../common/validate-body';

/** How deep an input may nest before it is refused (deeper than any DTO goes). */
const MAX_DEPTH = 32;

/**
 * Keys that would reach an object's prototype when class-transformer copies the input onto the
 * DTO. Fastify's JSON parser refuses them in HTTP bodies; a socket's input is parsed by
 * socket.io, so they are refused here.
 */
function prototypeKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  for (const [key, item] of Object.entries(value)) {
    if (key === '__proto__') return true;
    if (key === 'constructor' && item && typeof item === 'object' && 'prototype' in item) {
      return true;
    }
    if (prototypeKey(item, depth + 1)) return true;
  }
  return false;
}

/**
 * A client event's input, checked as an HTTP body is: a JSON object, no NUL and no lone
 * surrogate in any text (the edge checks), then the DTO with the ValidationPipe's rules
 * (whitelist, unknown fields refused, one message per field). Throws `malformed_request` or
 * `validation_failed` like HTTP.
 */
export async function validateInput<T extends object>(
  dto: ClassConstructor<T>,
  input: unknown,
): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new DomainError('malformed_request', 'The input must be a JSON object');
  }
  if (prototypeKey(input)) {
    throw new DomainError('malformed_request', 'The input has a forbidden key (__proto__)');
  }
  const textual = textErrors({ params: undefined, query: undefined, body: input });
  if (textual.length) throw DomainError.validation(textual);
  return validateBody(dto, input);
}

/**
 * What an error answers in an ack: the code and status the HTTP API's ProblemFilter would give
 * (DomainError, Nest's HttpException), or `internal` with a fresh `requestId` for anything else
 * (`unexpected` is then true: the caller logs it under that id).
 */
export function toAckError(err: unknown): { error: AckError; unexpected: boolean } {
  if (err instanceof DomainError) {
    return {
      error: {
        code: err.code,
        message: err.message,
        status: err.status,
        ...(err.extra.fields ? { errors: err.extra.fields } : {}),
      },
      unexpected: false,
    };
  }
  if (err instanceof HttpException && err.getStatus() < 500) {
    const status = err.getStatus();
    return {
      error: { code: HTTP_CODES[status] ?? 'validation_failed', message: err.message, status },
      unexpected: false,
    };
  }
  return {
    error: {
      code: 'internal',
      message: 'Internal server error',
      status: 500,
      requestId: randomUUID(),
    },
    unexpected: true,
  };
}
