import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll, linkGuardian } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { DB } from '../db/schema.ts';

/**
 * A hand-made school for the hours and attendance reports (September–October 2026):
 * 5А (class teacher Борисова) learns mathematics with Арбузова and Russian with Борисова;
 * 6Б (class teacher Васильева) learns art with her. Арбузова's lesson of 9 September is cancelled,
 * the one of 9 September given by Борисова (a substitution); Арбузова gives Борисова's Russian on
 * 5 October and an extra mathematics lesson on 6 October. Absences with reasons, latenesses, a
 * removed absence and an absence on the cancelled lesson (neither counts).
 */
export async function hoursSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (lastName: string, roles: Role[], firstName = 'Анна') =>
    buildPerson(db, { schoolId, roles, lastName, firstName });
  const people = {
    a: await person('Арбузова', ['teacher']),
    b: await person('Борисова', ['teacher']),
    c: await person('Васильева', ['teacher']),
    deputy: await person('Завучева', ['deputy', 'teacher']),
    director: await person('Директорова', ['director']),
    parent: await person('Алексеев', ['parent'], 'Пётр'),
  };
  const students = {
    s1: await person('Алексеева', ['student'], 'Мария'),
    s2: await person('Белов', ['student'], 'Глеб'),
    s3: await person('Волков', ['student'], 'Олег'),
    s4: await person('Гусев', ['student'], 'Иван'),
  };
  await linkGuardian(db, { schoolId, guardianId: people.parent.id, studentId: students.s1.id });
  const c5 = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А', classTeacherId: people.b.id });
  const c6 = await buildClass(db, { schoolId, yearId, grade: 6, letter: 'Б', classTeacherId: people.c.id });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.s1.id });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.s2.id });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.s3.id, startsOn: '2026-10-01' });
  await enroll(db, { schoolId, groupId: c6.groupId, studentId: students.s4.id });

  const subject = async (name: string, sortOrder: number) =>
    (
      await db
        .insertInto('subjects')
        .values({ schoolId, name, shortName: name.slice(0, 3), sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const course = async (subjectId: number, groupId: number, teacherId: number) =>
    (
      await db
        .insertInto('courses')
        .values({ schoolId, academicYearId: yearId, subjectId, groupId, teacherId, hoursPerWeek: 2 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const courses = {
    math5: await course(await subject('Математика', 1), c5.groupId, people.a.id),
    rus5: await course(await subject('Русский язык', 2), c5.groupId, people.b.id),
    art6: await course(await subject('ИЗО', 3), c6.groupId, people.c.id),
  };
  const taken = '2026-09-01T10:00:00.000Z';
  const lesson = async (
    courseId: number,
    teacherId: number,
    date: string,
    lessonNumber: number,
    o: { origin?: 'timetable' | 'change'; cancelled?: boolean; taken?: boolean } = {},
  ) =>
    (
      await db
        .insertInto('lessons')
        .values({
          schoolId,
          courseId,
          teacherId,
          date,
          lessonNumber,
          origin: o.origin ?? 'timetable',
          cancelledAt: o.cancelled ? '2026-09-05T10:00:00.000Z' : null,
          attendanceTakenAt: o.taken === false || o.cancelled ? null : taken,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const { a, b, c } = people;
  const lessons = {
    math0907: await lesson(courses.math5, a.id, '2026-09-07', 1),
    math0908: await lesson(courses.math5, a.id, '2026-09-08', 1, { cancelled: true }),
    math0909: await lesson(courses.math5, b.id, '2026-09-09', 1),
    rus0907: await lesson(courses.rus5, b.id, '2026-09-07', 2),
    rus0909: await lesson(courses.rus5, b.id, '2026-09-09', 2, { taken: false }),
    art0907: await lesson(courses.art6, c.id, '2026-09-07', 1),
    math1005: await lesson(courses.math5, a.id, '2026-10-05', 1),
    math1006: await lesson(courses.math5, a.id, '2026-10-06', 3, { origin: 'change' }),
    rus1005: await lesson(courses.rus5, a.id, '2026-10-05', 2),
    art1005: await lesson(courses.art6, c.id, '2026-10-05', 1),
    math1201: await lesson(courses.math5, a.id, '2026-12-01', 1, { taken: false }),
  };
  const mark = (
    lessonId: number,
    studentId: number,
    value: 'absent' | 'late',
    reason: string | null = null,
    deletedAt: string | null = null,
  ) =>
    db
      .insertInto('attendance')
      .values({ schoolId, lessonId, studentId, value, reason, deletedAt, createdBy: b.id })
      .execute();
  const { s1, s2, s3, s4 } = students;
  await mark(lessons.math0907, s1.id, 'absent', 'illness');
  await mark(lessons.rus0907, s1.id, 'absent', 'illness');
  await mark(lessons.math0909, s1.id, 'absent');
  await mark(lessons.rus0909, s1.id, 'late');
  await mark(lessons.math1005, s1.id, 'absent', 'excused');
  await mark(lessons.rus1005, s1.id, 'absent', 'unexcused');
  await mark(lessons.math0909, s2.id, 'absent');
  await mark(lessons.math1006, s2.id, 'absent', 'unexcused');
  await mark(lessons.math0908, s2.id, 'absent');
  await mark(lessons.math1005, s3.id, 'late');
  await mark(lessons.math1006, s3.id, 'absent', null, '2026-10-07T08:00:00.000Z');
  await mark(lessons.art0907, s4.id, 'absent', 'illness');
  return { schoolId, yearId, people, students, c5, c6, courses, lessons };
}
