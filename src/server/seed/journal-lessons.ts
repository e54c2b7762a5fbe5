import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks } from './batches.ts';

/** What the teacher entered on a lesson's page, and the КТП item it took its topic from. */
export interface LessonPage {
  id: number;
  planItemId: number | null;
  topic: string;
  lessonKind: string;
  homework: string | null;
  homeworkDueOn: string | null;
  topicEnteredAt: string;
  homeworkEnteredAt: string | null;
  attendanceTakenAt: string | null;
  /** JSON array of work kind ids, or null for the school's first kind. */
  markColumns: string | null;
}

/**
 * Writes the pages of existing lessons in a few statements rather than one UPDATE a lesson: on
 * PostgreSQL from arrays through unnest, on SQLite from one JSON parameter (10,000 lessons a
 * statement on either).
 */
export async function writeLessonPages(trx: Transaction<DB>, pages: readonly LessonPage[]): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    for (const b of chunks(pages, 10_000)) {
      const column = <K extends keyof LessonPage>(key: K) => b.map((p) => p[key]);
      await sql`update lessons set plan_item_id = v.plan_item_id, topic = v.topic, lesson_kind = v.lesson_kind,
          homework = v.homework, homework_due_on = v.due, topic_entered_at = v.topic_at,
          homework_entered_at = v.homework_at, attendance_taken_at = v.attendance_at, mark_columns = v.columns
        from unnest(${column('id')}::int[], ${column('planItemId')}::int[], ${column('topic')}::text[],
          ${column('lessonKind')}::text[], ${column('homework')}::text[], ${column('homeworkDueOn')}::date[],
          ${column('topicEnteredAt')}::timestamptz[], ${column('homeworkEnteredAt')}::timestamptz[],
          ${column('attendanceTakenAt')}::timestamptz[], ${column('markColumns')}::text[])
          as v(id, plan_item_id, topic, lesson_kind, homework, due, topic_at, homework_at, attendance_at, columns)
        where lessons.id = v.id`.execute(trx);
    }
    return;
  }
  // SQLite: the same from one JSON parameter per 10,000 lessons (json_each), as the bulk inserts.
  for (const b of chunks(pages, 10_000)) {
    const json = JSON.stringify(
      b.map((p) => [
        p.id,
        p.planItemId,
        p.topic,
        p.lessonKind,
        p.homework,
        p.homeworkDueOn,
        p.topicEnteredAt,
        p.homeworkEnteredAt,
        p.attendanceTakenAt,
        p.markColumns,
      ]),
    );
    await sql`update lessons set plan_item_id = v.value ->> 1, topic = v.value ->> 2,
        lesson_kind = v.value ->> 3, homework = v.value ->> 4, homework_due_on = v.value ->> 5,
        topic_entered_at = v.value ->> 6, homework_entered_at = v.value ->> 7,
        attendance_taken_at = v.value ->> 8, mark_columns = v.value ->> 9
      from json_each(${json}) as v
      where lessons.id = v.value ->> 0`.execute(trx);
  }
}
