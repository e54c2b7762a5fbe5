import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Locked sessions: the idle lock and «Заблокировать» keep the session, unlocked by the password. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
