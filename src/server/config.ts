import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('./data/otmetka.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_DATABASE_URL: z.string().min(1).default('./data/demo.db'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  WEB_DIR: z.string().min(1).default('dist/web'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  NOTIFY_WORKER: z.enum(['true', 'false']).default('true'),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  NOTIFY_HOLD_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(19),
});

/** The server's configuration, read from the environment once at start-up. */
export interface Config {
  databaseUrl: string;
  databasePoolSize: number;
  demoDatabaseUrl: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  trustProxy: boolean;
  loginRateLimitPerMinute: number;
  webDir: string;
  /** The address people open (printed on credential slips); the request's own address when unset. */
  publicUrl: string | null;
  /** Notifications: the background worker, Telegram's Bot API, and timing. */
  notify: NotifyConfig;
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
  return {
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    demoDatabaseUrl: e.DEMO_DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    webDir: e.WEB_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
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
