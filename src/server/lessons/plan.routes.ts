import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** The КТП of a course: topics, import, copy, filling lessons, plan vs fact. */
export function registerPlanRoutes(_api: Api, _db: Kysely<DB>): void {}
