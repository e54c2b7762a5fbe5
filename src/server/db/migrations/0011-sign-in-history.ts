import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Login history and known devices (an e-mail on sign-in from a new one). */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
