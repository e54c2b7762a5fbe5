import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Personal data: what consent withdrawal restricts and card views of parents. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
