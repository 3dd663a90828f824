import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { COMPANY_LIMITS } from '@kabinet/shared';
import { normalizePhone } from '../common/phone';

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
    COMPANY_TIMEZONE: z
      .string()
      .default('Europe/Moscow')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Europe/Moscow'),
    // The company profile's first-start values (admins change it in the app afterwards); no
    // defaults: what is not set is not shown.
    COMPANY_NAME: z.string().trim().max(100).optional(),
    COMPANY_DESCRIPTION: z.string().trim().max(200).optional(),
    COMPANY_PHONE: z
      .string()
      .transform((v, ctx) => {
        const phones = v
          .split(/[,;]/)
          .map((p) => p.trim())
          .filter(Boolean);
        const normalized = phones.map((p) => normalizePhone(p));
        const bad = phones.filter((_, i) => !normalized[i]);
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `not a phone number: ${bad.join(', ')} (comma-separated, e.g. +7 495 120-10-00)`,
          });
          return z.NEVER;
        }
        const unique = [...new Set(normalized as string[])];
        if (unique.length > COMPANY_LIMITS.phones) {
          ctx.addIssue({ code: 'custom', message: `at most ${COMPANY_LIMITS.phones} phones` });
          return z.NEVER;
        }
        return unique;
      })
      .optional(),
    COMPANY_EMAIL: z.email('an e-mail address, e.g. info@example.ru').optional(),
    COMPANY_ADDRESS: z.string().trim().max(500).optional(),
    COMPANY_HOURS: z.string().trim().max(500).optional(),
    WEB_DIST_DIR: z.string().default(resolve(__dirname, '../../../web/dist')),
    STORAGE_DRIVER: z.enum(['local']).default('local'),
    STORAGE_DIR: z.string().optional(),
    STORAGE_TEMP_DIR: z.string().optional(),
    RATE_LIMIT_ENABLED: bool.default(true),
    TRUST_PROXY: z.string().default('false'),
    EXCHANGE_SOURCE: z.enum(['local', 'sftp', 'off']).default('local'),
    EXCHANGE_DIR: z.string().optional(),
    EXCHANGE_SCHEDULE: bool.optional(),
    EXCHANGE_POLL_CRON: z.string().default('* * * * *'),
    EXCHANGE_CYCLE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(1800),
    EXCHANGE_STABLE_MS: z.coerce.number().int().min(0).default(2000),
    EXCHANGE_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(2048).default(200),
    EXCHANGE_IMPORT_WORKER: bool.default(true),
    EXCHANGE_IMPORT_HEAP_MB: z.coerce.number().int().min(16).max(16384).default(64),
    SFTP_HOST: z.string().optional(),
    SFTP_PORT: z.coerce.number().int().min(1).max(65535).default(22),
    SFTP_USERNAME: z.string().optional(),
    SFTP_PASSWORD: z.string().optional(),
    SFTP_PRIVATE_KEY_FILE: z.string().optional(),
    SFTP_PRIVATE_KEY_PASSPHRASE: z.string().optional(),
    SFTP_HOST_KEY_SHA256: z
      .string()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'an OpenSSH fingerprint like SHA256:abc...')
      .optional(),
    SFTP_INBOX: z.string().startsWith('/').default('/inbox'),
    SFTP_OUTBOX: z.string().startsWith('/').default('/outbox'),
    SFTP_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: bool.optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_FROM: z.string().optional(),
    NOTIFY_SCHEDULE: bool.optional(),
    NOTIFY_POLL_CRON: z.string().default('* * * * *'),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    NOTIFY_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
    CHAT_NOTIFY_QUIET_MINUTES: z.coerce
      .number({ error: 'a whole number of minutes' })
      .int('a whole number of minutes')
      .min(0, 'a whole number of minutes')
      .max(24 * 60, 'at most a day (1440 minutes)')
      .default(10),
    PAYMENT_REMINDER_DAYS: z.coerce
      .number({ error: 'a whole number of days (0 turns reminders off)' })
      .int('a whole number of days (0 turns reminders off)')
      .min(0, 'a whole number of days (0 turns reminders off)')
      .max(60, 'at most 60 days')
      .default(3),
    PAYMENT_OVERDUE_NOTICE_DAYS: z.coerce
      .number({ error: 'a whole number of days, at least 1' })
      .int('a whole number of days, at least 1')
      .min(1, 'a whole number of days, at least 1')
      .max(365, 'at most 365 days')
      .default(7),
    PAYMENT_NOTICE_SCHEDULE: bool.optional(),
    PAYMENT_NOTICE_CRON: z.string().default('0 10-19 * * *'),
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
    if (env.EXCHANGE_SOURCE === 'sftp') {
      for (const key of ['SFTP_HOST', 'SFTP_USERNAME'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required for sftp' });
      }
      if (!env.SFTP_PASSWORD && !env.SFTP_PRIVATE_KEY_FILE) {
        ctx.addIssue({
          code: 'custom',
          path: ['SFTP_PASSWORD'],
          message: 'set SFTP_PASSWORD or SFTP_PRIVATE_KEY_FILE',
        });
      }
    }
    if (env.SMTP_HOST && !env.SMTP_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_FROM'],
        message: 'required with SMTP_HOST, e.g. "Гранит-Мастер <noreply@granit-master.ru>"',
      });
    }
    if (!env.SMTP_HOST && env.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'required with SMTP_FROM' });
    }
    if (env.SMTP_USER && env.SMTP_PASSWORD === undefined) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'required with SMTP_USER' });
    }
    // fastify-static serves every file under the web root to anyone: no upload may be there.
    const web = resolve(env.WEB_DIST_DIR);
    for (const [key, dir] of [
      ['STORAGE_DIR', storageDir(env)],
      ['STORAGE_TEMP_DIR', storageTempDir(env)],
    ] as const) {
      if (isWithin(dir, web) || isWithin(web, dir)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${dir} must be outside the web root (WEB_DIST_DIR ${web}): uploads are served only through the API's access checks`,
        });
      }
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
  /** The address people open, without a trailing slash; links in e-mails point here. */
  publicUrl: string;
  /** Undefined means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** Keys OTP hashes; a random one per process outside production if none is set. */
  appSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Human-readable log lines (pino-pretty) instead of JSON: the default in development. */
  logPretty: boolean;
  /**
   * The level of the one line per HTTP request (5xx answers are always `error`): `info` in
   * production, `debug` elsewhere, so a developer's console shows what the app does, not every
   * asset the browser fetches.
   */
  logRequestLevel: 'info' | 'debug';
  cookieSecure: boolean;
  sessionTtlDays: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  sms: { provider: 'dev' } | { provider: 'smsru'; apiId: string; baseUrl: string; from?: string };
  devOutboxEnabled: boolean;
  demoData: boolean;
  /** The company's time zone: what "today" is for due dates and overdue days. */
  timeZone: string;
  company: CompanyConfig;
  webDistDir: string;
  rateLimitEnabled: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string;
  exchange: ExchangeConfig;
  storage: StorageConfig;
  /** SMTP for e-mail notifications; null when not configured (e-mails are then skipped). */
  mail: MailConfig | null;
  delivery: DeliveryConfig;
  chatNotify: ChatNotifyConfig;
  paymentNotices: PaymentNoticesConfig;
}

/** Where uploaded files (chat attachments, later photo reports) are kept: see modules/storage. */
export interface StorageConfig {
  /** `local`: a folder on this machine (an S3-compatible store can implement the same BlobStore). */
  driver: 'local';
  /** The local store's folder (DATA_DIR/blobs); never inside the web root. */
  dir: string;
  /** Where an upload is written while it is counted and checked, before it is stored. */
  tempDir: string;
}

export interface PaymentNoticesConfig {
  /** Run the payment-notice job on a schedule (pg-boss cron); off in tests, which run it by hand. */
  schedule: boolean;
  /** pg-boss cron, read in the company's time zone. */
  cron: string;
  /** Remind this many days (or fewer) before a payment's date; 0: no reminders. */
  reminderDays: number;
  /**
   * Tell about a payment that became overdue at most this many days ago; older debts are not
   * told (so the first run, or one after a long stop, sends no flood of old news).
   */
  overdueDays: number;
}

/**
 * The company profile's first-start values (COMPANY_*): the profile is created from them when
 * none is stored, and what admins save in the app wins afterwards. Null or empty when not
 * configured, never made up.
 */
export interface CompanyConfig {
  name: string | null;
  /** What the company does, one line, e.g. "Памятники и благоустройство, ремонт квартир". */
  description: string | null;
  /** E.164, in the order given. */
  phones: string[];
  email: string | null;
  address: string | null;
  /** Working hours as free text, e.g. "Пн–Пт 9:00–19:00, Сб 10:00–16:00". */
  hours: string | null;
}

export interface MailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The From header, e.g. `Гранит-Мастер <noreply@granit-master.ru>`. */
  from: string;
}

export interface DeliveryConfig {
  /** Run the delivery poller on a schedule (pg-boss cron); off in tests, which run it by hand. */
  schedule: boolean;
  pollCron: string;
  /** Tries per delivery before it is marked failed. */
  maxAttempts: number;
  /** The first retry waits this long; each next one twice as long, at most an hour. */
  retryBaseMs: number;
}

export interface ChatNotifyConfig {
  /**
   * A chat's new message goes by e-mail or SMS only if still unread this long after it came
   * (CHAT_NOTIFY_QUIET_MINUTES); a chat tells a person at most once an hour per channel.
   */
  quietMs: number;
}

export type SftpConfig = {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKeyFile?: string;
  passphrase?: string;
  hostKeySha256?: string;
  inbox: string;
  outbox: string;
  connectTimeoutMs: number;
};

export interface ExchangeConfig {
  /** Where 1C's files come from; `off` disables the exchange cycle (imports by CLI still work). */
  source:
    | { kind: 'local'; inbox: string; outbox: string }
    | ({ kind: 'sftp' } & SftpConfig)
    | { kind: 'off' };
  /** Run the cycle on a schedule (pg-boss cron); off in tests, which run cycles by hand. */
  schedule: boolean;
  pollCron: string;
  cycleTimeoutMs: number;
  /** A file whose size or time changes within this window is still being uploaded. */
  stableMs: number;
  uploadLimitBytes: number;
  /**
   * Import each file in a slim child process (pg + the 1C format library, no Nest or TypeORM),
   * so a big file neither grows the API's memory nor takes it down; false imports in-process.
   */
  importWorker: boolean;
  /** The import process's V8 heap limit (`--max-old-space-size`), in MB. */
  importHeapMb: number;
}

export class ConfigError extends Error {}

/** Validates the environment once; throws a ConfigError listing every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set" (compose files pass `${X:-}` through as "").
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(given);
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
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    appSecret: e.APP_SECRET ?? devSecret,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? e.NODE_ENV === 'development',
    logRequestLevel: production ? 'info' : 'debug',
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
    timeZone: e.COMPANY_TIMEZONE,
    company: {
      name: e.COMPANY_NAME || null,
      description: e.COMPANY_DESCRIPTION || null,
      phones: e.COMPANY_PHONE ?? [],
      email: e.COMPANY_EMAIL || null,
      address: e.COMPANY_ADDRESS || null,
      hours: e.COMPANY_HOURS || null,
    },
    webDistDir: resolve(e.WEB_DIST_DIR),
    rateLimitEnabled: e.RATE_LIMIT_ENABLED,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    exchange: exchangeConfig(e, resolve(e.DATA_DIR)),
    storage: {
      driver: e.STORAGE_DRIVER,
      dir: storageDir(e),
      tempDir: storageTempDir(e),
    },
    mail: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE ?? e.SMTP_PORT === 465,
          ...(e.SMTP_USER ? { user: e.SMTP_USER, password: e.SMTP_PASSWORD ?? '' } : {}),
          from: e.SMTP_FROM ?? '',
        }
      : null,
    delivery: {
      schedule: e.NOTIFY_SCHEDULE ?? e.NODE_ENV !== 'test',
      pollCron: e.NOTIFY_POLL_CRON,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_SECONDS * 1000,
    },
    chatNotify: { quietMs: e.CHAT_NOTIFY_QUIET_MINUTES * 60 * 1000 },
    paymentNotices: {
      schedule: e.PAYMENT_NOTICE_SCHEDULE ?? e.NODE_ENV !== 'test',
      cron: e.PAYMENT_NOTICE_CRON,
      reminderDays: e.PAYMENT_REMINDER_DAYS,
      overdueDays: e.PAYMENT_OVERDUE_NOTICE_DAYS,
    },
  };
}

function exchangeConfig(e: z.output<typeof schema>, dataDir: string): ExchangeConfig {
  const dir = resolve(e.EXCHANGE_DIR ?? resolve(dataDir, 'exchange'));
  const source: ExchangeConfig['source'] =
    e.EXCHANGE_SOURCE === 'sftp'
      ? {
          kind: 'sftp',
          host: e.SFTP_HOST ?? '',
          port: e.SFTP_PORT,
          username: e.SFTP_USERNAME ?? '',
          ...(e.SFTP_PASSWORD !== undefined ? { password: e.SFTP_PASSWORD } : {}),
          ...(e.SFTP_PRIVATE_KEY_FILE ? { privateKeyFile: resolve(e.SFTP_PRIVATE_KEY_FILE) } : {}),
          ...(e.SFTP_PRIVATE_KEY_PASSPHRASE ? { passphrase: e.SFTP_PRIVATE_KEY_PASSPHRASE } : {}),
          ...(e.SFTP_HOST_KEY_SHA256 ? { hostKeySha256: e.SFTP_HOST_KEY_SHA256 } : {}),
          inbox: e.SFTP_INBOX,
          outbox: e.SFTP_OUTBOX,
          connectTimeoutMs: e.SFTP_CONNECT_TIMEOUT_MS,
        }
      : e.EXCHANGE_SOURCE === 'local'
        ? { kind: 'local', inbox: resolve(dir, 'inbox'), outbox: resolve(dir, 'outbox') }
        : { kind: 'off' };
  return {
    source,
    schedule: (e.EXCHANGE_SCHEDULE ?? e.NODE_ENV !== 'test') && source.kind !== 'off',
    pollCron: e.EXCHANGE_POLL_CRON,
    cycleTimeoutMs: e.EXCHANGE_CYCLE_TIMEOUT_SECONDS * 1000,
    stableMs: e.EXCHANGE_STABLE_MS,
    uploadLimitBytes: e.EXCHANGE_UPLOAD_LIMIT_MB * 1024 * 1024,
    importWorker: e.EXCHANGE_IMPORT_WORKER,
    importHeapMb: e.EXCHANGE_IMPORT_HEAP_MB,
  };
}

function storageDir(e: { DATA_DIR: string; STORAGE_DIR?: string | undefined }): string {
  return resolve(e.STORAGE_DIR ?? resolve(e.DATA_DIR, 'blobs'));
}

function storageTempDir(e: { STORAGE_TEMP_DIR?: string | undefined }): string {
  return resolve(e.STORAGE_TEMP_DIR ?? join(tmpdir(), 'kabinet-uploads'));
}

/** `path` is `dir` or inside it. */
function isWithin(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const devSecret = `dev-${Math.random().toString(36).slice(2)}-${Date.now()}-not-for-production`;

export const APP_CONFIG = Symbol('APP_CONFIG');
