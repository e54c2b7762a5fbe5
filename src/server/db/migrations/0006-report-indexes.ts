import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * Control reports read a year of a school's live marks lesson by lesson: the results sum their
 * values per student and subject, the keeping report counts the written-work marks and when they
 * were made. This index holds every column those scans read, so neither engine fetches the
 * ≈300,000 rows of a school's year from the table (SQLite: the written-work scan 1.0 s → 0.1 s,
 * the sums ≈0.6 s → 0.3 s of CPU on a seeded school). `deleted_at` is in it only so that SQLite
 * sees the index as covering.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('marks_lesson_entries')
    .on('marks')
    .columns(['lesson_id', 'work_kind_id', 'student_id', 'value', 'created_at', 'deleted_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}
