import type { Insertable } from 'kysely';
import type { Db } from '../access/actor.ts';
import type { NotifyConfig } from '../config.ts';
import type { OutboxTable } from '../db/schema.ts';
import { withdrawnConsents } from '../people/consent.queries.ts';

const defaults: NotifyConfig = {
  worker: false,
  intervalSeconds: 10,
  holdSeconds: 120,
  digestHour: 19,
  telegramToken: null,
  telegramApiBase: 'https://api.telegram.org',
};

let current: NotifyConfig = defaults;

/** Sets the configuration the producers read (the hold of instant notices, whether Telegram exists). */
export function setNotifyConfig(config: NotifyConfig): void {
  current = config;
}

/** The configuration the producers use now. */
export function notifyConfig(): NotifyConfig {
  return current;
}

/** A notification to queue. */
export type OutboxRow = Omit<
  Insertable<OutboxTable>,
  'status' | 'attempts' | 'claimedUntil' | 'sentAt' | 'lastError' | 'createdAt'
>;

/**
 * Queues a notification once: a second row with the same dedupe key is ignored, except that a
 * cancelled one (a mark corrected and then set back) is queued again.
 */
export async function enqueue(trx: Db, row: OutboxRow): Promise<void> {
  await trx
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('dedupeKey')
        .doUpdateSet({
          status: 'pending',
          dueAt: row.dueAt,
          attempts: 0,
          lastError: null,
          claimedUntil: null,
        })
        .where('outbox.status', '=', 'cancelled'),
    )
    .execute();
}

/** An ISO timestamp `seconds` after `from`. */
export function after(from: Date, seconds: number): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}

/** A date 'YYYY-MM-DD' as ДД.ММ.ГГГГ. */
export function ruDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** A text in Russian followed by its English twin. */
export function twin(ru: string, en: string): string {
  return `${ru}\n\n—\n\n${en}`;
}

/** Where a person's notifications go: the e-mail address and the live Telegram chat, by their preferences. */
export interface Recipient {
  personId: number;
  schoolId: number;
  email: string | null;
  chatId: string | null;
  prefs: Prefs;
}

/** Preferences as the producers read them (defaults when no row). */
export interface Prefs {
  emailEnabled: boolean;
  telegramEnabled: boolean;
  absencesInstant: boolean;
  markThreshold: number | null;
  digest: boolean;
}

/** The preferences of a person who has not set any. */
export const defaultPrefs: Prefs = {
  emailEnabled: true,
  telegramEnabled: true,
  absencesInstant: true,
  markThreshold: 2,
  digest: true,
};

/** The channels and addresses a notice goes to. */
export function channelsOf(r: Recipient): { channel: 'email' | 'telegram'; address: string }[] {
  const out: { channel: 'email' | 'telegram'; address: string }[] = [];
  if (r.prefs.emailEnabled && r.email) out.push({ channel: 'email', address: r.email });
  if (r.prefs.telegramEnabled && r.chatId) out.push({ channel: 'telegram', address: r.chatId });
  return out;
}

/**
 * Recipients by person id: address, live Telegram chat and preferences (persons not archived).
 * A parent who withdrew consent to processing personal data (152-ФЗ) is left out, so nothing is
 * queued for them; `o.restricted` keeps them (their own settings page).
 */
export async function recipients(
  db: Db,
  personIds: readonly number[],
  o: { restricted?: boolean } = {},
): Promise<Map<number, Recipient>> {
  const out = new Map<number, Recipient>();
  if (personIds.length === 0) return out;
  const withdrawn = o.restricted ? new Map<number, string>() : await withdrawnConsents(db, personIds);
  const rows = await db
    .selectFrom('persons')
    .leftJoin('notificationPrefs', 'notificationPrefs.personId', 'persons.id')
    .leftJoin('telegramLinks', (j) =>
      j.onRef('telegramLinks.personId', '=', 'persons.id').on('telegramLinks.unlinkedAt', 'is', null),
    )
    .select([
      'persons.id',
      'persons.schoolId',
      'persons.email',
      'telegramLinks.chatId',
      'notificationPrefs.personId as prefsOf',
      'notificationPrefs.emailEnabled',
      'notificationPrefs.telegramEnabled',
      'notificationPrefs.absencesInstant',
      'notificationPrefs.markThreshold',
      'notificationPrefs.digest',
    ])
    .where('persons.id', 'in', [...new Set(personIds)])
    .where('persons.archivedAt', 'is', null)
    .execute();
  for (const r of rows) {
    if (r.schoolId === null || withdrawn.has(r.id)) continue;
    out.set(r.id, {
      personId: r.id,
      schoolId: r.schoolId,
      email: r.email,
      chatId: r.chatId,
      prefs:
        r.prefsOf === null
          ? defaultPrefs
          : {
              emailEnabled: r.emailEnabled === 1,
              telegramEnabled: r.telegramEnabled === 1,
              absencesInstant: r.absencesInstant === 1,
              markThreshold: r.markThreshold,
              digest: r.digest === 1,
            },
    });
  }
  return out;
}
