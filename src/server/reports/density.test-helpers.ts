import type { Kysely } from 'kysely';
import { controlSchool } from '../control/control.test-helpers.ts';
import type { DB } from '../db/schema.ts';

/**
 * The control school (5А: mathematics and Russian; 6Б: ИЗО; first quarter 01.09–25.10) with what
 * density, КТП lag and assessment procedures look at:
 * - Ёлкина gets three marks in mathematics (07.09, 14.09, 05.10);
 * - mathematics: a cancelled lesson on 01.12; the lesson of 05.10 shows a «Дикт» column; a dated
 *   КТП of four topics (1 h on 07.09, 2 h on 14.09, 1 h «Контрольная работа» on 20.10, 1 h on
 *   01.12), the first three given to the lessons of 07.09, 14.09 and 20.10 (with topics);
 * - Russian: lessons on 20.10 (№2 with a «КР» column, №4) and on 15.12 (№2); an undated КТП of
 *   three 1-hour topics, the third («Диктант») given to the lesson of 15.12, no topics entered;
 * - ИЗО (6Б): a lesson on 10.12 (№3) and a КТП topic «Контрольная работа» planned on 10.12 but not
 *   given to any lesson.
 */
export async function densitySchool(db: Kysely<DB>) {
  const s = await controlSchool(db);
  const { schoolId } = s;
  const lesson = async (
    courseId: number,
    teacherId: number,
    date: string,
    lessonNumber: number,
    extra: { markColumns?: string; cancelledAt?: string; topic?: string; planItemId?: number } = {},
  ) =>
    (
      await db
        .insertInto('lessons')
        .values({ schoolId, courseId, teacherId, date, lessonNumber, ...extra })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const item = async (
    courseId: number,
    position: number,
    hours: number,
    plannedOn: string | null,
    controlKind: string | null = null,
  ) =>
    (
      await db
        .insertInto('planItems')
        .values({ schoolId, courseId, position, topic: `Тема ${position}`, hours, plannedOn, controlKind })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const link = (lessonId: number, planItemId: number, topic: string | null) =>
    db.updateTable('lessons').set({ planItemId, topic }).where('id', '=', lessonId).execute();

  for (const [lessonId, value] of [
    [s.lessons.math0907, '4'],
    [s.lessons.math0914, '5'],
    [s.lessons.math1005, '3'],
  ] as const)
    await db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId,
        studentId: s.students.yolkina.id,
        workKindId: s.kind('Отв'),
        value,
        createdBy: s.people.mathT.id,
      })
      .execute();

  const { mathT, rusT, otherT } = s.people;
  const math1201 = await lesson(s.courses.math5, mathT.id, '2026-12-01', 1, {
    cancelledAt: '2026-11-20T08:00:00.000Z',
  });
  await db
    .updateTable('lessons')
    .set({ markColumns: JSON.stringify([s.kind('Дикт')]) })
    .where('id', '=', s.lessons.math1005)
    .execute();
  const rus1020a = await lesson(s.courses.russian5, rusT.id, '2026-10-20', 2, {
    markColumns: JSON.stringify([s.kind('Отв'), s.kind('КР')]),
  });
  const rus1020b = await lesson(s.courses.russian5, rusT.id, '2026-10-20', 4);
  const rus1215 = await lesson(s.courses.russian5, rusT.id, '2026-12-15', 2);
  const art1210 = await lesson(s.courses.art6, otherT.id, '2026-12-10', 3);

  const m1 = await item(s.courses.math5, 1, 1, '2026-09-07');
  const m2 = await item(s.courses.math5, 2, 2, '2026-09-14');
  const m3 = await item(s.courses.math5, 3, 1, '2026-10-20', 'Контрольная работа');
  await item(s.courses.math5, 4, 1, '2026-12-01');
  await link(s.lessons.math0907, m1, 'Тема 1');
  await link(s.lessons.math0914, m2, 'Тема 2');
  await link(s.lessons.math1020, m3, 'Тема 3');
  await item(s.courses.russian5, 1, 1, null, 'Самостоятельная работа');
  await item(s.courses.russian5, 2, 1, null);
  const r3 = await item(s.courses.russian5, 3, 1, null, 'Диктант');
  await link(rus1215, r3, null);
  await item(s.courses.art6, 1, 1, '2026-12-10', 'Контрольная работа');

  return { ...s, extra: { math1201, rus1020a, rus1020b, rus1215, art1210 } };
}
