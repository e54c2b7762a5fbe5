import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Sign-in security: two-factor (TOTP) secrets, known devices, login history and locked sessions. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
