import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * Control reports: which kinds of work are written works (their marks are due within the
 * timeliness rule's days) and assessment procedures (the federal schedule's «оценочные
 * процедуры»); a remark can point at one lesson and records who fixed and who closed it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('work_kinds')
    .addColumn('written', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('work_kinds')
    .addColumn('assessment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The default kinds of earlier schools take the defaults a new school gets.
  await db
    .updateTable('work_kinds')
    .set({ written: 1 })
    .where('short_name', 'in', ['СР', 'ПР', 'ЛР', 'Дикт', 'Соч', 'КР'])
    .execute();
  await db
    .updateTable('work_kinds')
    .set({ assessment: 1 })
    .where('short_name', 'in', ['Дикт', 'Соч', 'КР'])
    .execute();

  await db.schema
    .alterTable('remarks')
    .addColumn('lesson_id', 'integer', (c) => c.references('lessons.id'))
    .execute();
  await db.schema
    .alterTable('remarks')
    .addColumn('fixed_by', 'integer', (c) => c.references('persons.id'))
    .execute();
  await db.schema
    .alterTable('remarks')
    .addColumn('closed_by', 'integer', (c) => c.references('persons.id'))
    .execute();
  await db.schema.alterTable('remarks').addColumn('fix_note', 'text').execute();
  await db.schema.createIndex('remarks_course').on('remarks').column('course_id').execute();
  await db.schema
    .createIndex('remarks_school_open')
    .on('remarks')
    .columns(['school_id', 'created_at'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  // Reports read a school's lessons by date range.
  await db.schema.createIndex('lessons_school_date').on('lessons').columns(['school_id', 'date']).execute();
}
