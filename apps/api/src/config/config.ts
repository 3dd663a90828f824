import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Kabinet reads. Nothing else in the code touches process.env. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default(resolve(__dirname, '../../../../.data')),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    APP_SECRET: z.string().min(32).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_PRETTY: bool.optional(),
    COOKIE_SECURE: bool.optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    CORS_ORIGINS: z.string().default(''),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    SMS_PROVIDER: z.enum(['dev', 'smsru']).optional(),
    SMSRU_API_ID: z.string().optional(),
    SMSRU_BASE_URL: z.string().url().default('https://sms.ru'),
    SMSRU_FROM: z.string().optional(),
    DEMO_DATA: bool.optional(),
    WEB_DIST_DIR: z.string().default(resolve(__dirname, '../../../web/dist')),
    RATE_LIMIT_ENABLED: bool.default(true),
    TRUST_PROXY: z.string().default('false'),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    if (production && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'required in production' });
    }
    if (production && !env.SMS_PROVIDER) {
      ctx.addIssue({ code: 'custom', path: ['SMS_PROVIDER'], message: 'required in production' });
    }
    if (production && env.SMS_PROVIDER === 'dev') {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_PROVIDER'],
        message: 'the dev outbox shows login codes to anyone; use a real provider in production',
      });
    }
    if (env.SMS_PROVIDER === 'smsru' && !env.SMSRU_API_ID) {
      ctx.addIssue({ code: 'custom', path: ['SMSRU_API_ID'], message: 'required for smsru' });
    }
  });

export type Env = z.input<typeof schema>;

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  production: boolean;
  host: string;
  port: number;
  publicUrl: string | undefined;
  /** Undefined means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** Keys OTP hashes; a random one per process outside production if none is set. */
  appSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logPretty: boolean;
  cookieSecure: boolean;
  sessionTtlDays: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  sms: { provider: 'dev' } | { provider: 'smsru'; apiId: string; baseUrl: string; from?: string };
  devOutboxEnabled: boolean;
  demoData: boolean;
  webDistDir: string;
  rateLimitEnabled: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string;
}

export class ConfigError extends Error {}

/** Validates the environment once; throws a ConfigError listing every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const provider = e.SMS_PROVIDER ?? 'dev';
  return {
    env: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    appSecret: e.APP_SECRET ?? devSecret,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? false,
    cookieSecure: e.COOKIE_SECURE ?? production,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sms:
      provider === 'smsru'
        ? {
            provider,
            apiId: e.SMSRU_API_ID ?? '',
            baseUrl: e.SMSRU_BASE_URL,
            ...(e.SMSRU_FROM ? { from: e.SMSRU_FROM } : {}),
          }
        : { provider: 'dev' },
    devOutboxEnabled: !production && provider === 'dev',
    demoData: e.DEMO_DATA ?? false,
    webDistDir: resolve(e.WEB_DIST_DIR),
    rateLimitEnabled: e.RATE_LIMIT_ENABLED,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const devSecret = `dev-${Math.random().toString(36).slice(2)}-${Date.now()}-not-for-production`;

export const APP_CONFIG = Symbol('APP_CONFIG');
