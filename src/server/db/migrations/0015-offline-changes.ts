import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * The offline journal (#11), server side: `offline_checkpoints` records when a device loaded a
 * course online (an offline change counts as made no earlier); `offline_changes` keeps every change
 * received with its first result, so a repeat is answered from it, and its seq per device, so one
 * arriving after a later one is refused.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await withId(engine, db.schema.createTable('offline_checkpoints'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('offline_checkpoints_device')
    .on('offline_checkpoints')
    .columns(['person_id', 'device_id', 'course_id', 'at'])
    .execute();

  await db.schema
    .createTable('offline_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('made_at', t.timestamp, (c) => c.notNull())
    .addColumn('arrived_at', t.timestamp, (c) => c.notNull())
    /** The first answer, as JSON: applied (with the cell) or conflict (with both values). */
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('offline_changes_device_seq')
    .on('offline_changes')
    .columns(['person_id', 'device_id', 'seq'])
    .unique()
    .execute();
}
