import type { Kysely } from 'kysely';
import type { NotifyConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { processHolder, releaseLease } from '../jobs/lease.ts';
import { queueDigests } from './digest.ts';
import { after, setNotifyConfig } from './outbox.ts';
import { MailNotConfigured, sendMail } from './send.ts';
import { ensureBotName, pollLease, pollTelegram, sendTelegram } from './telegram.ts';

/** A running notification worker and how to stop it (waits for the round in progress). */
export interface NotifyWorker {
  stop(): Promise<void>;
}

/** What one round did. */
export interface RoundResult {
  sent: number;
  cancelled: number;
  retried: number;
  failed: number;
  linked: number;
  digests: number;
}

/** How a round runs: where its errors go; tests on a shared database keep it to one school. */
export interface RoundOptions {
  log?: (error: unknown) => void;
  /** Only this school's outbox and digests (Telegram updates are read all the same). */
  schoolId?: number;
  /** Who this worker is when it asks for the Telegram lease (this process by default). */
  holder?: string;
}

/** Minutes to wait after the 1st, 2nd… failed attempt; after the 6th the row fails for good. */
const backoffMinutes = [1, 5, 15, 60, 180];
const maxAttempts = 6;
/** How long a claimed row is held by the worker that took it. */
const claimSeconds = 120;
/** A round sends batch after batch for at most this long. */
const roundBudgetMs = 30_000;
/** When the school has no mail settings yet, look again after this long. */
const unconfiguredRetrySeconds = 60;

type Row = {
  id: number;
  schoolId: number;
  channel: 'email' | 'telegram';
  address: string;
  subject: string;
  body: string;
  recheck: string | null;
  attempts: number;
};

/** The ids of due rows, oldest first (not yet claimed: `claimOne` takes each just before sending). */
async function dueIds(db: Kysely<DB>, now: Date, schoolId?: number): Promise<number[]> {
  const at = now.toISOString();
  let query = db.selectFrom('outbox').select('id');
  if (schoolId !== undefined) query = query.where('schoolId', '=', schoolId);
  const due = await query
    .where('status', '=', 'pending')
    .where('dueAt', '<=', at)
    .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', at)]))
    .orderBy('dueAt')
    .limit(20)
    .execute();
  return due.map((r) => r.id);
}

/**
 * Takes one due row for this worker alone (a row is sent by whoever sets its claim first). Rows
 * are claimed one at a time right before sending: claiming a batch up front let the claims of the
 * last rows run out while slow servers answered the first, and another worker sent them again.
 */
async function claimOne(db: Kysely<DB>, id: number, now: Date): Promise<Row | undefined> {
  const at = now.toISOString();
  const taken = await db
    .updateTable('outbox')
    .set({ claimedUntil: after(now, claimSeconds) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('dueAt', '<=', at)
    .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', at)]))
    .executeTakeFirst();
  if (taken.numUpdatedRows !== 1n) return undefined;
  return db
    .selectFrom('outbox')
    .select(['id', 'schoolId', 'channel', 'address', 'subject', 'body', 'recheck', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the journal entry a notice tells of still stands as it was. */
async function stillHolds(db: Kysely<DB>, recheck: string | null): Promise<boolean> {
  if (recheck === null) return true;
  const r = JSON.parse(recheck) as { kind: 'mark' | 'attendance'; id: number; value: string };
  const table = r.kind === 'mark' ? 'marks' : 'attendance';
  const row = await db
    .selectFrom(table)
    .select(['value', 'deletedAt'])
    .where('id', '=', r.id)
    .executeTakeFirst();
  return row !== undefined && row.deletedAt === null && row.value === r.value;
}

async function deliver(db: Kysely<DB>, config: NotifyConfig, row: Row): Promise<void> {
  if (row.channel === 'email') {
    await sendMail(db, row.schoolId, { to: row.address, subject: row.subject, text: row.body });
    return;
  }
  if (config.telegramToken === null) throw new MailNotConfigured();
  await sendTelegram(config, row.address, `${row.subject}\n\n${row.body}`);
}

async function sendOne(db: Kysely<DB>, config: NotifyConfig, row: Row, now: Date, result: RoundResult) {
  const mine = (q: ReturnType<typeof update>) => q.where('id', '=', row.id).where('status', '=', 'pending');
  const update = () => db.updateTable('outbox');
  if (!(await stillHolds(db, row.recheck))) {
    await mine(update().set({ status: 'cancelled', claimedUntil: null })).execute();
    result.cancelled++;
    return;
  }
  try {
    await deliver(db, config, row);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof MailNotConfigured) {
      const lastError = row.channel === 'email' ? message : 'Telegram не настроен';
      await mine(
        update().set({ lastError, dueAt: after(now, unconfiguredRetrySeconds), claimedUntil: null }),
      ).execute();
      result.retried++;
      return;
    }
    const attempts = row.attempts + 1;
    const failed = attempts >= maxAttempts;
    const wait = backoffMinutes[Math.min(attempts, backoffMinutes.length) - 1]! * 60;
    await mine(
      update().set({
        attempts,
        lastError: message.slice(0, 1000),
        status: failed ? 'failed' : 'pending',
        dueAt: failed ? now.toISOString() : after(now, wait),
        claimedUntil: null,
      }),
    ).execute();
    if (failed) result.failed++;
    else result.retried++;
    return;
  }
  await mine(
    update().set({ status: 'sent', sentAt: new Date().toISOString(), claimedUntil: null, lastError: null }),
  ).execute();
  result.sent++;
}

/**
 * One round of the worker: reads Telegram updates (links), queues the day's digest after the
 * digest hour, then sends what is due. Each part's errors are caught: the round goes on.
 */
export async function runRound(
  db: Kysely<DB>,
  config: NotifyConfig,
  now: Date = new Date(),
  options: RoundOptions = {},
): Promise<RoundResult> {
  const log = options.log ?? (() => {});
  const result: RoundResult = { sent: 0, cancelled: 0, retried: 0, failed: 0, linked: 0, digests: 0 };
  if (config.telegramToken !== null) {
    try {
      await ensureBotName(db, config);
      result.linked = await pollTelegram(db, config, now, options.holder);
    } catch (e) {
      log(e);
    }
  }
  try {
    result.digests = await queueDigests(db, config.digestHour, now, options.schoolId);
  } catch (e) {
    log(e);
  }
  try {
    const started = Date.now();
    // Batch after batch until nothing is due (a school announcement queues hundreds at once),
    // within a bounded time so that a round always ends.
    for (;;) {
      let taken = 0;
      for (const id of await dueIds(db, now, options.schoolId)) {
        // The round's clock moves on with real time, so a late claim lasts its full length.
        const at = new Date(now.getTime() + (Date.now() - started));
        try {
          const row = await claimOne(db, id, at);
          if (row) {
            taken++;
            await sendOne(db, config, row, at, result);
          }
        } catch (e) {
          log(e);
        }
      }
      if (taken === 0 || Date.now() - started > roundBudgetMs) break;
    }
  } catch (e) {
    log(e);
  }
  return result;
}

/**
 * Starts the worker that sends the outbox (e-mail, Telegram), reads Telegram updates for links,
 * and queues the daily digest. Any number of processes may run it: each notification goes once.
 */
export function startNotifyWorker(
  database: Database,
  config: NotifyConfig,
  options: Omit<RoundOptions, 'log'> = {},
): NotifyWorker {
  setNotifyConfig(config);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();
  const log = (e: unknown) => console.error('notify worker:', e instanceof Error ? e.message : e);
  const tick = () => {
    round = runRound(database.db, config, new Date(), { ...options, log })
      .catch(log)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, config.intervalSeconds * 1000);
      });
  };
  timer = setTimeout(tick, config.intervalSeconds * 1000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
      // The next process reads Telegram at once rather than when this one's lease runs out.
      if (config.telegramToken !== null) {
        await releaseLease(database.db, pollLease, options.holder ?? processHolder).catch(log);
      }
    },
  };
}
