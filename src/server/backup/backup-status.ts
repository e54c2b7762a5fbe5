import { resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupConfig } from '../config.ts';
import type { BackupRunStatus, BackupTrigger, DB } from '../db/schema.ts';
import { type Lang, translate } from '../http/messages.ts';
import { parseBackupKey } from './container.ts';

/** Hours after which the newest good backup counts as too old (an alert goes out). */
export const staleAfterHours = 26;

/** One destination's state. */
export interface DestinationStatus {
  destination: string;
  lastGoodAt: string | null;
  lastGoodFile: string | null;
  /** No good copy, or the newest is older than `staleAfterHours`. */
  stale: boolean;
  /** The newest copy's error when it failed. */
  lastError: string | null;
}

/** A run as listed. */
export interface RunSummary {
  id: number;
  trigger: BackupTrigger;
  status: BackupRunStatus;
  fileName: string | null;
  bytes: number | null;
  rowCount: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Everything the admin page and `/api/health` show about backups. */
export interface BackupStatus {
  /** Whether a key and at least one destination are set. */
  configured: boolean;
  /** Configuration problems in plain words (one destination only, key file in a destination…). */
  problems: string[];
  schedule: string | null;
  keep: BackupConfig['keep'];
  destinations: DestinationStatus[];
  /** The newest runs first. */
  runs: RunSummary[];
}

/** How many runs the status lists. */
const listedRuns = 20;

/** The destination directory that holds the key file, if any (the key must live apart). */
export function keyFileDestination(config: BackupConfig): string | null {
  if (config.keyFile === null) return null;
  const key = resolve(config.keyFile);
  return config.dirs.find((dir) => key.startsWith(resolve(dir) + sep)) ?? null;
}

function usableKey(key: string): boolean {
  try {
    parseBackupKey(key);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with the configuration, in the language asked (empty: nothing). */
export function configProblems(config: BackupConfig, lang: Lang = 'ru'): string[] {
  const problems: string[] = [];
  if (config.key === null) problems.push(translate(lang, 'backupNoKey'));
  else if (!usableKey(config.key)) problems.push(translate(lang, 'backupBadKey'));
  if (config.dirs.length === 0) problems.push(translate(lang, 'backupNoDirs'));
  if (config.dirs.length === 1) problems.push(translate(lang, 'backupOneDestination'));
  const dir = keyFileDestination(config);
  if (dir !== null)
    problems.push(translate(lang, 'backupKeyInDestination', { file: config.keyFile ?? '', dir }));
  return problems;
}

/** Whether `at` is more than `staleAfterHours` before `now` (or there is none). */
export function isStale(at: string | null, now: Date): boolean {
  return at === null || now.getTime() - new Date(at).getTime() > staleAfterHours * 3600_000;
}

/** Each configured destination's newest good copy and newest copy's error. */
export async function destinationStates(
  db: Kysely<DB>,
  dirs: readonly string[],
  now: Date,
): Promise<DestinationStatus[]> {
  const out: DestinationStatus[] = [];
  for (const destination of dirs) {
    const good = await db
      .selectFrom('backupCopies')
      .innerJoin('backupRuns', 'backupRuns.id', 'backupCopies.runId')
      .select(['backupCopies.createdAt', 'backupRuns.fileName'])
      .where('backupCopies.destination', '=', destination)
      .where('backupCopies.status', '=', 'ok')
      .orderBy('backupCopies.createdAt', 'desc')
      .orderBy('backupCopies.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const newest = await db
      .selectFrom('backupCopies')
      .select(['status', 'error'])
      .where('destination', '=', destination)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const lastGoodAt = good?.createdAt ?? null;
    out.push({
      destination,
      lastGoodAt,
      lastGoodFile: good?.fileName ?? null,
      stale: isStale(lastGoodAt, now),
      lastError: newest?.status === 'failed' ? newest.error : null,
    });
  }
  return out;
}

/** The state of backups as of `now`; problems in `lang` (Russian unless asked). */
export async function backupStatus(
  db: Kysely<DB>,
  config: BackupConfig,
  now: Date = new Date(),
  lang: Lang = 'ru',
): Promise<BackupStatus> {
  const runs = await db
    .selectFrom('backupRuns')
    .select(['id', 'trigger', 'status', 'fileName', 'bytes', 'rowCount', 'error', 'startedAt', 'finishedAt'])
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(listedRuns)
    .execute();
  return {
    configured: config.key !== null && config.dirs.length > 0,
    problems: configProblems(config, lang),
    schedule: config.at,
    keep: config.keep,
    destinations: await destinationStates(db, config.dirs, now),
    runs,
  };
}
