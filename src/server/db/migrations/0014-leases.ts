import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes } from './column-types.ts';

/**
 * Leases: work that one process of many must do alone (reading Telegram's updates) is done by
 * whoever holds its named lease; a holder renews it while it works, and a lease that runs out
 * (its process died) is taken over by the next one to ask.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('until', t.timestamp, (c) => c.notNull())
    .execute();
}
