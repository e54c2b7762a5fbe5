import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** The routes of the timetable module. */
export function registerTimetableRoutes(_api: Api, _db: Kysely<DB>): void {}
