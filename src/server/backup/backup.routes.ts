import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Routes of backups: their state per destination, the runs, and a backup on demand. */
export function registerBackupRoutes(_api: Api, _db: Kysely<DB>, _config: Config): void {}
