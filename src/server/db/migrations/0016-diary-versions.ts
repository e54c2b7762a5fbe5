import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * Diaries cached per student (#10): a change to one student's own diary (a mark, an attendance
 * entry, a period mark) bumps that student's `student_versions` row; any other change that shows
 * in diaries bumps the school's `data_versions.diary_version`. A diary is keyed by both, so a mark
 * saved for one student leaves every other diary of the school valid. `data_versions.version`
 * still moves with every such change (the reports' caches rely on it).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('data_versions')
    .addColumn('diary_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('student_versions')
    .addColumn('student_id', 'integer', (c) => c.primaryKey().notNull().references('persons.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}
