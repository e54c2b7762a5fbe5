import { z } from 'zod';
import { line, secret } from './fields.ts';

/** A person's notification preferences. */
export const notificationPrefs = z.object({
  emailEnabled: z.boolean(),
  telegramEnabled: z.boolean(),
  /** Tell at once of an absence or lateness. */
  absencesInstant: z.boolean(),
  /** Tell at once of a mark at or below this value (2–5); null: of no mark at once. */
  markThreshold: z.number().int().min(2).max(5).nullable(),
  /** A daily digest of marks and homework. */
  digest: z.boolean(),
});

/** `GET /api/notifications/settings`: preferences, where they go, and the Telegram state. */
export const notificationSettings = z.object({
  prefs: notificationPrefs,
  email: z.string().nullable(),
  telegram: z.object({
    /** Whether the installation has a bot at all. */
    available: z.boolean(),
    linked: z.boolean(),
    linkedAt: z.string().nullable(),
    /** The bot's @name, to show how to find it. */
    botName: z.string().nullable(),
  }),
  /** Whether the school has set up e-mail. */
  emailAvailable: z.boolean(),
});

/** `PUT /api/notifications/settings`: preferences and the e-mail address (empty: none). */
export const notificationSettingsBody = z.strictObject({
  prefs: notificationPrefs.strict(),
  email: z.union([z.literal(''), z.email().max(254)]),
});

/** `POST /api/notifications/telegram/code`: a one-time code to send to the bot. */
export const telegramCode = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** A t.me link that opens the bot with the code, when the bot's name is known. */
  link: z.string().nullable(),
});

/** `GET /api/admin/mail`: the school's SMTP settings (the password is never returned). */
export const mailSettings = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  /** The queue: waiting, sent in the last day, failed for good. */
  queue: z.object({ pending: z.number(), sentLastDay: z.number(), failed: z.number() }),
});

/** `PUT /api/admin/mail`: SMTP settings; a left-out password keeps the stored one. */
export const mailSettingsBody = z.strictObject({
  host: line(1, 253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  username: line(0, 254),
  password: secret(0, 500).optional(),
  fromAddress: z.email().max(254),
});

/** `POST /api/admin/mail/test`: send a test letter to an address. */
export const mailTestBody = z.strictObject({ to: z.email().max(254) });
export const mailTestAnswer = z.object({ queued: z.boolean() });
