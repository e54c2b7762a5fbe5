import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * The class journal: one mark row per cell (lesson × student × work kind) revived rather than
 * duplicated, the work-kind columns of a lesson, homework files, planned dates of the КТП,
 * whether a subject takes two marks in a cell, and the closing of a period for a class.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));

  await db.schema
    .createIndex('marks_live')
    .on('marks')
    .columns(['lesson_id', 'student_id', 'work_kind_id'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['entity', 'entity_id'])
    .execute();

  // JSON array of work kind ids: the mark columns the teacher opened in the lesson.
  await db.schema.alterTable('lessons').addColumn('mark_columns', 'text').execute();
  await db.schema.alterTable('plan_items').addColumn('planned_on', t.date).execute();
  // Null: the default by subject (Russian language and literature take «5/4»).
  await db.schema.alterTable('subjects').addColumn('two_marks', 'integer').execute();
  await db.schema
    .createIndex('plan_items_course')
    .on('plan_items')
    .columns(['course_id', 'position'])
    .execute();
  await db.schema.createIndex('lessons_teacher_date').on('lessons').columns(['teacher_id', 'date']).execute();

  await table('lesson_files')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('lesson_id', 'integer', (c) => c.notNull().references('lessons.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('lesson_files_lesson').on('lesson_files').column('lesson_id').execute();

  await table('period_closures')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id'))
    .addColumn('closed_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('reopened_at', t.timestamp)
    .addColumn('reopened_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('reopen_reason', 'text')
    .execute();
  // At most one closure in force per class and period.
  await db.schema
    .createIndex('period_closures_open')
    .on('period_closures')
    .columns(['period_id', 'class_id'])
    .unique()
    .where(sql.ref('reopened_at'), 'is', null)
    .execute();
}
