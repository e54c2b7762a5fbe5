import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/** Two-factor login: TOTP secrets and recovery codes of staff accounts, and the school setting. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(_db: Kysely<any>, _engine: Engine): Promise<void> {}
