import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * Backups: each run (scheduled, from the admin UI or the command line) with its outcome, and each
 * copy it wrote to a destination directory, verified by a restore into a scratch database. A
 * scheduled run claims its slot (`schedule:YYYY-MM-DD`) through a unique index, so several
 * processes never run the same night's backup twice. Pruned copies keep their row (`pruned`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));

  await table('backup_runs')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('slot', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('file_name', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('table_count', 'integer')
    .addColumn('row_count', 'integer')
    .addColumn('error', 'text')
    .addColumn('started_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema.createIndex('backup_runs_slot').on('backup_runs').column('slot').unique().execute();
  await db.schema.createIndex('backup_runs_started').on('backup_runs').column('started_at').execute();

  await table('backup_copies')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('backup_runs.id'))
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verified_at', t.timestamp)
    .addColumn('pruned_at', t.timestamp)
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('backup_copies_destination')
    .on('backup_copies')
    .columns(['destination', 'created_at'])
    .execute();
}
