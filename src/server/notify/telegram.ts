import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemCtx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { NotifyConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { claimLease, processHolder } from '../jobs/lease.ts';
import { twin } from './outbox.ts';

/** Letters and digits that are hard to confuse when typed from a screen. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh one-time code of 8 characters. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** How a code is stored: its SHA-256 (hex) in upper case form. */
export function codeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** Calls a Bot API method; throws on a transport error or an answer that is not `ok`. */
export async function botCall<T>(config: NotifyConfig, method: string, body?: unknown): Promise<T> {
  const url = `${config.telegramApiBase}/bot${config.telegramToken}/${method}`;
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const answer = (await res.json().catch(() => null)) as {
    ok?: boolean;
    result?: T;
    description?: string;
  } | null;
  if (!res.ok || !answer?.ok) throw new Error(`Telegram ${method}: ${answer?.description ?? res.status}`);
  return answer.result as T;
}

/** Sends a text to a chat. */
export async function sendTelegram(config: NotifyConfig, chatId: string, text: string): Promise<void> {
  await botCall(config, 'sendMessage', { chat_id: chatId, text });
}

/** Reads a job's named value. */
export async function jobValue(db: Kysely<DB>, key: string): Promise<string | null> {
  const row = await db.selectFrom('jobState').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores a job's named value. */
export async function setJobValue(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('jobState')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Asks the bot its name once and keeps it (job state 'telegram.botName'). */
export async function ensureBotName(db: Kysely<DB>, config: NotifyConfig): Promise<void> {
  if (await jobValue(db, 'telegram.botName')) return;
  const me = await botCall<{ username?: string }>(config, 'getMe');
  if (me.username) await setJobValue(db, 'telegram.botName', me.username);
}

interface Update {
  update_id: number;
  message?: { text?: string; chat?: { id: number | string } };
}

const linked = twin(
  'Готово: уведомления Отметки будут приходить сюда.',
  'Done: Otmetka notifications will arrive here.',
);
const unknown = twin(
  'Этот код не подошёл или устарел. Получите новый в Отметке: «Уведомления» → «Telegram» — и пришлите его сюда.',
  'This code is unknown or has expired. Get a new one in Otmetka («Notifications» → «Telegram») and send it here.',
);

/** The code a message carries: «/start CODE» or «CODE»; null for anything else. */
export function codeOf(text: string): string | null {
  const m = /^(?:\/start\s+)?([A-Za-z0-9]{8})$/.exec(text.trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** Links the chat to the code's person if the code is live; whether it did. */
async function link(db: Kysely<DB>, code: string, chatId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const row = await trx
      .selectFrom('telegramCodes')
      .innerJoin('persons', 'persons.id', 'telegramCodes.personId')
      .select(['telegramCodes.personId', 'persons.schoolId'])
      .where('codeHash', '=', codeHash(code))
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', at)
      .executeTakeFirst();
    if (!row) return false;
    const used = await trx
      .updateTable('telegramCodes')
      .set({ usedAt: at })
      .where('codeHash', '=', codeHash(code))
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) return false;
    await trx
      .updateTable('telegramLinks')
      .set({ unlinkedAt: at })
      .where('personId', '=', row.personId)
      .where('unlinkedAt', 'is', null)
      .execute();
    const inserted = await trx
      .insertInto('telegramLinks')
      .values({ personId: row.personId, chatId, linkedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, systemCtx(db), {
      schoolId: row.schoolId,
      action: 'notify.telegram.link',
      entity: 'person',
      entityId: row.personId,
      after: { linkId: inserted.id },
    });
    return true;
  });
}

/** The lease that lets one process of many read the bot's updates. */
export const pollLease = 'telegram.poll';
/** How long a poller holds the lease without renewing it (a dead poller's lease runs out then). */
const pollLeaseSeconds = 60;

/**
 * Reads the bot's new messages: links chats that send a live code, answers the others politely.
 * Only the holder of the lease `telegram.poll` reads them: every process reading `getUpdates` from
 * the same offset would answer every message once per process. The holder renews the lease before
 * each update and stops when it has lost it; the next holder goes on from the stored offset.
 */
export async function pollTelegram(
  db: Kysely<DB>,
  config: NotifyConfig,
  now: Date,
  holder: string = processHolder,
): Promise<number> {
  const started = Date.now();
  const held = () =>
    claimLease(db, pollLease, holder, pollLeaseSeconds, new Date(now.getTime() + Date.now() - started));
  if (!(await held())) return 0;
  const offset = Number((await jobValue(db, 'telegram.offset')) ?? '0');
  const updates = await botCall<Update[]>(config, `getUpdates?offset=${offset}&timeout=0`);
  let count = 0;
  for (const u of updates) {
    if (!(await held())) break;
    // The offset moves on first: an update is handled once even if the answer fails to go.
    await setJobValue(db, 'telegram.offset', String(Math.max(offset, u.update_id + 1)));
    const text = u.message?.text;
    const chat = u.message?.chat?.id;
    if (text === undefined || chat === undefined) continue;
    const code = codeOf(text);
    const done = code !== null && (await link(db, code, String(chat), now));
    if (done) count++;
    await sendTelegram(config, String(chat), done ? linked : unknown).catch(() => undefined);
  }
  return count;
}
