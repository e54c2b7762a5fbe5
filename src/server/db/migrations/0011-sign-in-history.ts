import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/** Login history and known devices (an e-mail on sign-in from a new one). */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await withId(engine, db.schema.createTable('sign_ins'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    /** 'ok' | 'badPassword' | 'locked' | 'badCode' */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('device_known', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sign_ins_account_at').on('sign_ins').columns(['account_id', 'at']).execute();

  await withId(engine, db.schema.createTable('known_devices'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('known_devices_account_device')
    .on('known_devices')
    .columns(['account_id', 'device_hash'])
    .unique()
    .execute();
}
