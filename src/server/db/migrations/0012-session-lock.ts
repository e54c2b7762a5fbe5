import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes } from './column-types.ts';

/** Locked sessions: the idle lock and «Заблокировать» keep the session, unlocked by the password. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  // Null: the session is open; a time: locked since then, every route but unlock and logout refused.
  await db.schema.alterTable('sessions').addColumn('locked_at', t.timestamp).execute();
}
