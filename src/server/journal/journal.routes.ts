import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** The journal grid: courses, marks, attendance, period marks and the history of a cell. */
export function registerJournalRoutes(_api: Api, _db: Kysely<DB>): void {}
