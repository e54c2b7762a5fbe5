import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Closing periods, the class teacher's summary and absence reasons. */
export function registerControlRoutes(_api: Api, _db: Kysely<DB>): void {}
