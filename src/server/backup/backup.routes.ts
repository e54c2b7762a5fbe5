import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Api } from '../http/api.ts';

/** Routes of backups: their state per destination, the runs, and a backup on demand. */
export function registerBackupRoutes(_api: Api, _database: Database, _config: Config): void {}
