import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';

/** A lesson of a course on a date, inserted directly (as the timetable's generation would). */
export async function addLesson(
  db: Kysely<DB>,
  o: { schoolId: number; courseId: number; date: string; lessonNumber?: number; teacherId: number },
) {
  const row = await db
    .insertInto('lessons')
    .values({
      schoolId: o.schoolId,
      courseId: o.courseId,
      date: o.date,
      lessonNumber: o.lessonNumber ?? 1,
      teacherId: o.teacherId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A school with class 5А taught Математика by Учителева (Вторая as the second teacher), a
 * substitute who gives one lesson, another teacher, the class teacher, a deputy and a parent;
 * lessons a few days ago, yesterday, tomorrow, one 20 days ago (past the edit window) and one in
 * the first quarter, which is closed for the class. A second course of the same subject in 6Б by
 * another teacher has a КТП of two topics (a source to copy).
 */
export async function lessonsSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (lastName: string, roles: Role[]) => buildPerson(db, { schoolId, roles, lastName });
  const teacher = await person('Учителева', ['teacher']);
  const second = await person('Вторая', ['teacher']);
  const substitute = await person('Заменова', ['teacher']);
  const other = await person('Другова', ['teacher']);
  const classTeacher = await person('Классова', ['teacher']);
  const deputy = await person('Завучева', ['deputy']);
  const parent = await person('Родителева', ['parent']);
  const c5 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 5,
    letter: 'А',
    classTeacherId: classTeacher.id,
  });
  const c6 = await buildClass(db, { schoolId, yearId, grade: 6, letter: 'Б' });
  const subject = await db
    .insertInto('subjects')
    .values({ schoolId, name: 'Математика', shortName: 'Мат' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = async (groupId: number, teacherId: number, secondTeacherId: number | null) =>
    (
      await db
        .insertInto('courses')
        .values({
          schoolId,
          academicYearId: yearId,
          subjectId: subject.id,
          groupId,
          teacherId,
          secondTeacherId,
          hoursPerWeek: 5,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const courseId = await course(c5.groupId, teacher.id, second.id);
  const otherCourseId = await course(c6.groupId, other.id, null);
  await db
    .insertInto('planItems')
    .values([
      {
        schoolId,
        courseId: otherCourseId,
        position: 1,
        section: 'Числа',
        topic: 'Натуральные числа',
        hours: 2,
      },
      {
        schoolId,
        courseId: otherCourseId,
        position: 2,
        section: 'Числа',
        topic: 'Дроби',
        hours: 1,
        controlKind: 'Контрольная работа',
      },
    ])
    .execute();
  const now = today();
  const lesson = (date: string, teacherId = teacher.id, lessonNumber = 1) =>
    addLesson(db, { schoolId, courseId, date, teacherId, lessonNumber });
  const lessons = {
    recent: await lesson(addDays(now, -2)),
    substituted: await lesson(addDays(now, -1), substitute.id),
    tomorrow: await lesson(addDays(now, 1)),
    old: await lesson(addDays(now, -20)),
    closed: await lesson('2026-10-05'),
  };
  const quarter = await db
    .insertInto('periods')
    .values({
      schoolId,
      academicYearId: yearId,
      scheme: 'quarters',
      kind: 'term',
      number: 1,
      name: '1 четверть',
      startsOn: '2026-09-01',
      endsOn: '2026-10-25',
      closedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('periodClosures')
    .values({
      schoolId,
      periodId: quarter.id,
      classId: c5.classId,
      closedAt: new Date().toISOString(),
      closedBy: deputy.id,
    })
    .execute();
  return {
    schoolId,
    yearId,
    subjectId: subject.id,
    classes: { c5, c6 },
    courseId,
    otherCourseId,
    lessons,
    people: { teacher, second, substitute, other, classTeacher, deputy, parent },
  };
}
