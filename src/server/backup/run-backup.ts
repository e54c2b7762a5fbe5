import type { BackupConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { BackupCopyStatus, BackupTrigger } from '../db/schema.ts';

/** What one run did, copy by copy. */
export interface BackupOutcome {
  runId: number;
  status: 'ok' | 'failed';
  fileName: string | null;
  copies: { destination: string; path: string; status: BackupCopyStatus; error: string | null }[];
  error: string | null;
}

/**
 * Makes one backup of the whole installation: a consistent export, encrypted, written to every
 * destination, each copy verified by a restore into a scratch database and a comparison of every
 * table's row count and checksum; then retention prunes each destination. Records the run and its
 * copies; alerts the administrators when it fails.
 */
export async function runBackup(
  _database: Database,
  _config: BackupConfig,
  _trigger: BackupTrigger,
  _requestedBy: number | null,
): Promise<BackupOutcome> {
  throw new Error('not implemented');
}

/**
 * Starts a run in the background (the admin UI's «Создать копию сейчас») and answers its id at
 * once; refuses with `backupRunning` (409) while another run is going, `backupNotConfigured` (409)
 * when there is no key or no destination.
 */
export async function startBackup(
  _database: Database,
  _config: BackupConfig,
  _requestedBy: number,
): Promise<{ runId: number }> {
  throw new Error('not implemented');
}
