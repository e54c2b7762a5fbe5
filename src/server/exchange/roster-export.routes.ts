import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Routes of the OneRoster export. */
export function registerRosterExportRoutes(_api: Api, _db: Kysely<DB>): void {}
