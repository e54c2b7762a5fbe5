import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { engineOf } from './db/database.ts';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('./data/otmetka.db'),
  DATABASE_READ_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_DATABASE_URL: z.string().min(1).default('./data/demo.db'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  EXPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(12),
  WEB_DIR: z.string().min(1).default('dist/web'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  NOTIFY_WORKER: z.enum(['true', 'false']).default('true'),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  NOTIFY_HOLD_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(19),
  BACKUP_DIRS: z.string().default(''),
  BACKUP_KEY: z.string().min(1).optional(),
  BACKUP_KEY_FILE: z.string().min(1).optional(),
  BACKUP_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'ЧЧ:ММ или off')
    .default('02:30'),
  BACKUP_KEEP: z
    .string()
    .regex(/^\d+,\d+,\d+$/, 'дни,недели,месяцы, например 7,4,12')
    .default('7,4,12'),
  BACKUP_SCHEDULER: z.enum(['true', 'false']).default('true'),
  BACKUP_SCRATCH_DIR: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
});

/** The server's configuration, read from the environment once at start-up. */
export interface Config {
  databaseUrl: string;
  /** A read replica for diary and report reads (same engine as `databaseUrl`); null: none. */
  databaseReadUrl: string | null;
  databasePoolSize: number;
  demoDatabaseUrl: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  trustProxy: boolean;
  loginRateLimitPerMinute: number;
  /** Files built per person per minute (exports, paper journal, print jobs, backups). */
  exportRateLimitPerMinute: number;
  webDir: string;
  /** The address people open (printed on credential slips); the request's own address when unset. */
  publicUrl: string | null;
  /** Notifications: the background worker, Telegram's Bot API, and timing. */
  notify: NotifyConfig;
  /** Backups: where, when, how long kept, and the key. */
  backup: BackupConfig;
  /** A bearer token `/metrics` requires; null: `/metrics` answers anyone (keep it off the proxy). */
  metricsToken: string | null;
}

/** How backups are made and kept. */
export interface BackupConfig {
  /** Destination directories (a second disk, a USB stick, a network share); two or more advised. */
  dirs: string[];
  /** The key as given (BACKUP_KEY, or the content of BACKUP_KEY_FILE); null: backups are off. */
  key: string | null;
  /** Where the key came from when it was a file (it must not lie in a destination). */
  keyFile: string | null;
  /** Local time of the nightly backup, `HH:MM`; null: no schedule. */
  at: string | null;
  /** Retention per destination: the newest backup of each of so many days, ISO weeks, months. */
  keep: { daily: number; weekly: number; monthly: number };
  /** Whether this process runs the scheduler (any number may; a night's run is claimed once). */
  scheduler: boolean;
  /** Where verification restores into (SQLite scratch files); the system's temp dir when null. */
  scratchDir: string | null;
}

/** How notifications are sent. */
export interface NotifyConfig {
  /** Whether this process runs the worker that sends the outbox (any number may; each row goes once). */
  worker: boolean;
  /** Seconds between rounds of the worker. */
  intervalSeconds: number;
  /** Seconds an instant mark notice waits, so that a mark corrected at once is never sent. */
  holdSeconds: number;
  /** The local hour (0–23) after which the daily digest goes out. */
  digestHour: number;
  /** The bot's token; null: no Telegram. */
  telegramToken: string | null;
  /** The Bot API's address (a local stand-in in tests). */
  telegramApiBase: string;
}

/** Reads the configuration; throws a message naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Неверная настройка ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const readUrl = e.DATABASE_READ_URL ?? null;
  if (readUrl !== null && engineOf(readUrl) !== engineOf(e.DATABASE_URL)) {
    throw new Error(
      'Неверная настройка DATABASE_READ_URL: реплика для чтения должна работать на том же движке, что и DATABASE_URL (обе postgres://… или обе файлы SQLite)',
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: readUrl,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    demoDatabaseUrl: e.DEMO_DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    exportRateLimitPerMinute: e.EXPORT_RATE_LIMIT_PER_MINUTE,
    webDir: e.WEB_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    backup: backupConfig(e),
    notify: {
      worker: e.NOTIFY_WORKER === 'true',
      intervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
      holdSeconds: e.NOTIFY_HOLD_SECONDS,
      digestHour: e.DIGEST_HOUR,
      telegramToken: e.TELEGRAM_BOT_TOKEN ?? null,
      telegramApiBase: e.TELEGRAM_API_BASE.replace(/\/+$/, ''),
    },
  };
}

function backupConfig(e: z.infer<typeof envSchema>): BackupConfig {
  const [daily, weekly, monthly] = e.BACKUP_KEEP.split(',').map(Number) as [number, number, number];
  const keyFile = e.BACKUP_KEY_FILE ?? null;
  return {
    dirs: e.BACKUP_DIRS.split(',')
      .map((d) => d.trim())
      .filter((d) => d.length > 0),
    key: e.BACKUP_KEY ?? (keyFile ? readFileSync(keyFile, 'utf8').trim() : null),
    keyFile,
    at: e.BACKUP_AT === 'off' ? null : e.BACKUP_AT,
    keep: { daily, weekly, monthly },
    scheduler: e.BACKUP_SCHEDULER === 'true',
    scratchDir: e.BACKUP_SCRATCH_DIR ?? null,
  };
}
