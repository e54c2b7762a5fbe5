import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Routes of the year archive. */
export function registerArchiveRoutes(_api: Api, _db: Kysely<DB>): void {}
