import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** The lesson page and its homework files. */
export function registerLessonRoutes(_api: Api, _db: Kysely<DB>): void {}
