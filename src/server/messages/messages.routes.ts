import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Conversations between teachers and parents, announcements, read receipts and attachments. */
export function registerMessagesRoutes(api: Api, db: Kysely<DB>): void {
  void api;
  void db;
}
