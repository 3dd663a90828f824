import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@kabinet/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainError } from './domain-error';
import type { ProblemDto } from './problem.dto';

export const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Turns every error into application/problem+json with a typed code. A GET for an unknown path
 * outside /api (and /assets) is one of the SPA's deep links: it gets the SPA's index.html.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');
  private readonly indexHtml: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const index = join(config.webDistDir, 'index.html');
    this.indexHtml = existsSync(index) ? readFileSync(index, 'utf8') : null;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (
      exception instanceof NotFoundException &&
      this.indexHtml &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      request.url !== '/api' &&
      !request.url.startsWith('/api/') &&
      // A missing build asset (an old tab after a deploy) is a 404, not the SPA's HTML.
      !request.url.startsWith('/assets/')
    ) {
      void reply
        .status(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(this.indexHtml);
      return;
    }
    const problem = this.toProblem(exception);
    problem.requestId = String(request.id);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (problem.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(problem.retryAfterSeconds));
    }
    void reply.status(problem.status).type('application/problem+json').send(problem);
  }

  private toProblem(exception: unknown): ProblemDto {
    if (exception instanceof DomainError) {
      return {
        type: `https://kabinet.dev/problems/${exception.code}`,
        title: exception.message,
        status: exception.status,
        code: exception.code,
        ...exception.extra,
      };
    }
    if (exception instanceof ThrottlerException) {
      return problem(429, 'rate_limited', 'Too many requests, try again later', 60);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_CODES[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
      return problem(status, code, exception.message);
    }
    // Fastify's own errors (body too large, bad JSON, unsupported media type) carry statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const code = HTTP_CODES[fastifyStatus] ?? 'validation_failed';
      return problem(fastifyStatus, code, (exception as Error).message);
    }
    return problem(500, 'internal', 'Internal server error');
  }
}

/** A problem body; `code` says what went wrong, in a way a program can act on. */
export function problem(
  status: number,
  code: ErrorCode,
  title: string,
  retryAfterSeconds?: number,
): ProblemDto {
  return {
    type: `https://kabinet.dev/problems/${code}`,
    title,
    status,
    code,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  };
}
