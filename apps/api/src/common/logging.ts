import type { LoggerService } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/config';

/**
 * Nest's own start-up chatter (a line per module and per route): `debug`, so the start of the
 * app shows what matters (migrations, schedules, warnings) and then the "running at" banner.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Wraps the app's logger so that Nest's framework messages are logged at `debug`. */
export function quietFramework(logger: LoggerService): LoggerService {
  const framework = (params: unknown[]) => {
    const context = params[params.length - 1];
    return typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context);
  };
  return {
    log: (message: unknown, ...params: unknown[]) =>
      framework(params) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}

/** The level of a request's log line: 5xx (and failures) `error`, the rest as configured. */
export function requestLogLevel(config: Pick<AppConfig, 'logRequestLevel'>) {
  return (_req: unknown, res: { statusCode: number }, err?: Error): 'error' | 'info' | 'debug' =>
    err || res.statusCode >= 500 ? 'error' : config.logRequestLevel;
}

/**
 * Where log lines go: stdout as JSON, or (LOG_PRETTY) through pino-pretty in this thread and
 * synchronously, so log lines and the start banner come out in the order they were written.
 * pino-pretty is loaded only then.
 */
export function logDestination(
  config: Pick<AppConfig, 'logPretty'>,
  destination?: NodeJS.WritableStream,
): DestinationStream | null {
  if (!config.logPretty) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context,req,res,responseTime',
    // The request's method, URL, status and time on the line that says it is done; a line
    // logged while a request is under way (an SMS it sends) has no status or time yet.
    messageFormat:
      '{if context}[{context}] {end}{if responseTime}{req.method} {req.url} {res.statusCode} {responseTime} ms {end}{msg}',
    ...(destination ? { destination } : {}),
  });
}
