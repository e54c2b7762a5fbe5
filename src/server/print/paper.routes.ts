import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Routes of report cards, extracts and XLSX exports. */
export function registerPaperRoutes(_api: Api, _db: Kysely<DB>): void {}
