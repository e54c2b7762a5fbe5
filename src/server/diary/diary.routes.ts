import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** The diary of students and parents: the week, marks by subject, acknowledgements, notices, calendar. */
export function registerDiaryRoutes(api: Api, db: Kysely<DB>): void {
  void api;
  void db;
}
