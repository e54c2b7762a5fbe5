import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * What the administrator and the class teacher keep before the first lesson: the student's
 * personal file, parents' details and consent (152-ФЗ), the log of card views, working-day
 * transfers, bell sets per weekday, subgroups per subject, and the details of timetable changes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));
  const addColumns = async (name: string, columns: [string, 'text' | 'integer' | typeof t.date][]) => {
    for (const [column, type] of columns) await db.schema.alterTable(name).addColumn(column, type).execute();
  };

  await addColumns('persons', [
    ['address', 'text'],
    ['extra_phone', 'text'],
    ['workplace', 'text'],
  ]);

  await db.schema
    .createTable('student_profiles')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('persons.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('file_number', 'text', (c) => c.notNull())
    .addColumn('health_group', 'text')
    .addColumn('pe_group', 'text')
    .addColumn('arrived_on', t.date)
    .addColumn('arrival_order', 'text')
    .addColumn('departed_on', t.date)
    .addColumn('departure_order', 'text')
    .execute();
  await db.schema
    .createIndex('student_profiles_file_number')
    .on('student_profiles')
    .columns(['school_id', 'file_number'])
    .unique()
    .execute();

  await table('consents')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('guardian_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('given_on', t.date, (c) => c.notNull())
    .addColumn('withdrawn_on', t.date)
    .addColumn('recorded_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('consents_guardian').on('consents').column('guardian_id').execute();

  await table('card_views')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('viewer_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('card_views_student').on('card_views').columns(['student_id', 'at']).execute();

  await addColumns('calendar_entries', [['as_weekday', 'integer']]);
  await db.schema
    .alterTable('bell_schedules')
    .addColumn('weekdays', 'text', (c) => c.notNull().defaultTo('[1,2,3,4,5,6]'))
    .execute();
  await addColumns('groups', [['subject_id', 'integer']]);
  await addColumns('timetable_changes', [
    ['moved_to_date', t.date],
    ['moved_to_lesson_number', 'integer'],
    ['reason', 'text'],
    ['created_by', 'integer'],
  ]);
  await addColumns('lessons', [['cancelled_at', t.timestamp]]);
  await db.schema
    .alterTable('lessons')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('timetable'))
    .execute();
}
