import { basename } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { BackupConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { backupStatus } from './backup-status.ts';

/** The backups part of `/api/health`. */
export interface BackupHealth {
  backupsConfigured: boolean;
  backups: { destination: string; lastGoodAt: string | null; stale: boolean }[];
}

/**
 * The last good backup per destination for the public health check: only each directory's last
 * path segment (the full path is the administrator's business). A failure to read the state is
 * logged and shows as no destinations: the server is still alive.
 */
export async function backupHealth(
  db: Kysely<DB>,
  config: BackupConfig,
  log: FastifyBaseLogger,
): Promise<BackupHealth> {
  const configured = config.key !== null && config.dirs.length > 0;
  try {
    const status = await backupStatus(db, config);
    return {
      backupsConfigured: status.configured,
      backups: status.destinations.map((d) => ({
        destination: basename(d.destination),
        lastGoodAt: d.lastGoodAt,
        stale: d.stale,
      })),
    };
  } catch (error) {
    log.error({ err: error }, 'backup status unreadable');
    return { backupsConfigured: configured, backups: [] };
  }
}
