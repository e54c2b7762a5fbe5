import type { Kysely } from 'kysely';
import type { BackupConfig } from '../config.ts';
import type { BackupRunStatus, BackupTrigger, DB } from '../db/schema.ts';

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

/** The state of backups as of `now`. */
export async function backupStatus(
  _db: Kysely<DB>,
  _config: BackupConfig,
  _now: Date = new Date(),
): Promise<BackupStatus> {
  throw new Error('not implemented');
}
