import { sql } from 'kysely';
import type { BackupConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';
import { alertBackupStale } from './backup-alerts.ts';
import { destinationStates, isStale } from './backup-status.ts';
import {
  abandonedAfterHours,
  backgroundRuns,
  backupKey,
  insertRun,
  markInterrupted,
  runBackup,
} from './run-backup.ts';
import { messageOf } from './verify-copy.ts';

/** A running scheduler. */
export interface BackupScheduler {
  stop(): Promise<void>;
}

/** The scheduler's clock and pace (tests speed both up). */
export interface SchedulerOptions {
  now?: () => Date;
  /** Milliseconds between ticks (a minute by default). */
  tickMs?: number;
  log?: (message: string) => void;
}

/** What one tick did. */
export interface TickResult {
  /** The run this process claimed and made, if any. */
  ranRunId: number | null;
  /** Alerts queued about old backups. */
  staleAlerts: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A local date as `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** Why backups cannot run (no key or destination, an unusable key, the key among the copies), or null. */
function whyNotRunnable(config: BackupConfig): string | null {
  try {
    backupKey(config);
    return null;
  } catch (e) {
    return e instanceof AppError ? translate('ru', e.messageKey, e.params) : messageOf(e);
  }
}

const runnable = (config: BackupConfig) => whyNotRunnable(config) === null;

/** Claims the night's slot; null when another process (or an earlier tick) already has it. */
async function claimSlot(database: Database, slot: string, at: Date): Promise<number | null> {
  const taken = await database.db
    .selectFrom('backupRuns')
    .select('id')
    .where('slot', '=', slot)
    .executeTakeFirst();
  if (taken) return null;
  try {
    return await insertRun(database.db, { trigger: 'schedule', requestedBy: null, slot, at });
  } catch {
    // The unique index on slot: another process claimed it between the look and the insert.
    return null;
  }
}

/** When Otmetka was installed: its first migration. */
async function installedAt(database: Database): Promise<Date | null> {
  const { rows } = await sql<{ timestamp: string }>`select min(timestamp) as timestamp from kysely_migration`
    .execute(database.db)
    .catch(() => ({ rows: [] as { timestamp: string }[] }));
  const at = rows[0]?.timestamp;
  return at ? new Date(at) : null;
}

/** Queues the «no fresh backup» alert (once a day) when a destination has none from the last 26 h. */
async function checkStale(database: Database, config: BackupConfig, now: Date): Promise<number> {
  const states = await destinationStates(database.db, config.dirs, now);
  const installed = await installedAt(database);
  const young = installed !== null && !isStale(installed.toISOString(), now);
  const stale = states.filter((d) => d.stale && !(d.lastGoodAt === null && young));
  if (stale.length === 0) return 0;
  return alertBackupStale(database.db, stale, localDay(now), now);
}

/**
 * One tick: after `config.at` (local time) the night's backup, claimed once across processes
 * through the unique slot `schedule:<day>`; then the stale check.
 */
export async function schedulerTick(
  database: Database,
  config: BackupConfig,
  now: Date,
): Promise<TickResult> {
  const result: TickResult = { ranRunId: null, staleAlerts: 0 };
  if (!runnable(config)) return result;
  const time = `${two(now.getHours())}:${two(now.getMinutes())}`;
  if (config.at !== null && time >= config.at) {
    const runId = await claimSlot(database, `schedule:${localDay(now)}`, now);
    if (runId !== null) {
      await runBackup(database, config, 'schedule', null, { runId, now: () => now });
      result.ranRunId = runId;
    }
  }
  result.staleAlerts = await checkStale(database, config, now);
  return result;
}

/**
 * Runs the nightly backup at `config.at` (claimed once per night across processes), marks runs
 * left `running` by a dead process as interrupted, and alerts the administrators when the newest
 * good backup is older than 26 hours.
 */
export function startBackupScheduler(
  database: Database,
  config: BackupConfig,
  options: SchedulerOptions = {},
): BackupScheduler {
  const now = options.now ?? (() => new Date());
  const tickMs = options.tickMs ?? 60_000;
  const log = options.log ?? ((message: string) => console.error('backup scheduler:', message));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const why = whyNotRunnable(config);
  if (why !== null) {
    if (config.key !== null || config.dirs.length > 0) log(why);
    return { stop: backgroundRuns };
  }
  const start = now();
  // A SQLite file is served by one process: a run still `running` from before it started has no
  // owner left. PostgreSQL may be served by several processes, so only runs far too old are.
  const before =
    database.engine === 'sqlite' ? start : new Date(start.getTime() - abandonedAfterHours * 3600_000);
  let round: Promise<unknown> = markInterrupted(database.db, before, start).catch((e) => log(messageOf(e)));
  const tick = () => {
    round = round
      .then(() => schedulerTick(database, config, now()))
      .catch((e) => log(messageOf(e)))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, tickMs);
        timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
      await backgroundRuns();
    },
  };
}
