import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/** Two-factor login: TOTP secrets and recovery codes of staff accounts, and the pending second steps of logins. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('two_factor')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('enabled_at', t.timestamp)
    .addColumn('last_step', 'integer')
    .execute();

  await withId(engine, db.schema.createTable('recovery_codes'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();
  await db.schema.createIndex('recovery_codes_account').on('recovery_codes').column('account_id').execute();

  await db.schema
    .createTable('two_factor_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('two_factor_challenges_expires')
    .on('two_factor_challenges')
    .column('expires_at')
    .execute();
}
