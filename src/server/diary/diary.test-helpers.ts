import type { Kysely } from 'kysely';
import { buildPerson, enroll, linkGuardian } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';

/** The Monday of the test week (the journal school's recent lessons fall in it). */
export const testWeek = '2026-11-23';

async function lesson(
  db: Kysely<DB>,
  o: { schoolId: number; courseId: number; teacherId: number; date: string; n: number },
  extra: Partial<{ topic: string; homework: string; homeworkDueOn: string; cancelledAt: string }> = {},
) {
  const row = await db
    .insertInto('lessons')
    .values({
      schoolId: o.schoolId,
      courseId: o.courseId,
      teacherId: o.teacherId,
      date: o.date,
      lessonNumber: o.n,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The journal school with diaries: Григорьев (a student with a login) in 5А and English 5А-1,
 * Дмитриева joining 5А on Tuesday 24 November; Родителева is the parent of both, Чужова the
 * parent of Васильев only. Extra lessons of Russian in the test week: homework set on Monday
 * for Wednesday, and a cancelled lesson on Thursday.
 */
export async function diarySchool(db: Kysely<DB>) {
  const s = await journalSchool(db);
  const { schoolId } = s;
  const grigoriev = await buildPerson(db, {
    schoolId,
    roles: ['student'],
    lastName: 'Григорьев',
    firstName: 'Гоша',
  });
  const dmitrieva = await buildPerson(db, {
    schoolId,
    roles: ['student'],
    lastName: 'Дмитриева',
    firstName: 'Дина',
  });
  await enroll(db, { schoolId, groupId: s.classes.c5.groupId, studentId: grigoriev.id });
  await enroll(db, { schoolId, groupId: s.groups.sub1, studentId: grigoriev.id });
  await enroll(db, {
    schoolId,
    groupId: s.classes.c5.groupId,
    studentId: dmitrieva.id,
    startsOn: '2026-11-24',
  });
  const stranger = await buildPerson(db, { schoolId, roles: ['parent'], lastName: 'Чужова' });
  await linkGuardian(db, { schoolId, guardianId: s.people.parent.id, studentId: grigoriev.id });
  await linkGuardian(db, { schoolId, guardianId: s.people.parent.id, studentId: dmitrieva.id });
  await linkGuardian(db, { schoolId, guardianId: stranger.id, studentId: s.students.vasiliev });
  const russian = { schoolId, courseId: s.courses.russian5, teacherId: s.people.petrov.id };
  const extra = {
    russianMonday: await lesson(
      db,
      { ...russian, date: '2026-11-23', n: 2 },
      { topic: 'Глагол', homework: 'Упр. 5, стр. 12', homeworkDueOn: '2026-11-25' },
    ),
    russianCancelled: await lesson(
      db,
      { ...russian, date: '2026-11-26', n: 1 },
      { cancelledAt: '2026-11-20T10:00:00.000Z' },
    ),
  };
  return { ...s, diary: { grigoriev, dmitrieva, stranger, lessons: extra } };
}
