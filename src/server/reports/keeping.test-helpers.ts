import type { Kysely } from 'kysely';
import { buildClass, buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';

/**
 * A school for «Ведение журнала» (bells Mon–Fri: 1st lesson 08:30–09:15, 2nd 09:25–10:10, 3rd
 * 10:20–11:05, school time zone Moscow unless given):
 * - L1 5А mathematics (Математикова), Mon 05.10 #1: all on time; homework at 12:00 MSK, on time only
 *   because 5А's last lesson that day is Russian #3 (11:05 + 1 h = 12:05 MSK);
 * - L2 5А Russian (Русакова), Mon 05.10 #3: no topic; homework 12:10 MSK (5 min late); attendance
 *   taken 06.10 08:00 MSK (late);
 * - L3 5А mathematics given by the substitute Заменова, Tue 06.10 #2: topic at 23:30 MSK (on time),
 *   no homework, no attendance;
 * - L4 5А mathematics, Wed 07.10 #1, a test (КР): topic, homework, attendance at 01:00 MSK (before
 *   the lesson); two written marks, entered 14.10 23:00 MSK (on time) and 15.10 09:00 MSK (late),
 *   a late oral mark (not a written work) and a late removed КР mark (neither counts);
 * - L5 5А mathematics, Thu 08.10, cancelled, empty; L6 5А mathematics three days after today, empty;
 * - L7 6Б mathematics (Математикова), Mon 05.10 #1: nothing entered.
 */
export async function keepingSchool(db: Kysely<DB>, settings?: object) {
  const districtId = await buildDistrict(db);
  const { schoolId, yearId } = await buildSchool(db, { districtId, settings });
  const person = (lastName: string, roles: ('teacher' | 'deputy' | 'director' | 'parent')[]) =>
    buildPerson(db, { schoolId, roles, lastName, firstName: 'Анна', middleName: 'Ивановна' });
  const people = {
    mathT: await person('Математикова', ['teacher']),
    rusT: await person('Русакова', ['teacher']),
    sub: await person('Заменова', ['teacher']),
    deputy: await person('Завучева', ['deputy']),
    parent: await person('Родителев', ['parent']),
    district: await buildPerson(db, { schoolId: null, districtId, roles: ['district'] }),
  };
  const c5 = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А' });
  const c6 = await buildClass(db, { schoolId, yearId, grade: 6, letter: 'Б' });
  const bells = await db
    .insertInto('bellSchedules')
    .values({ schoolId, name: 'Будни', weekdays: '[1,2,3,4,5]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('bellTimes')
    .values(
      [
        ['08:30', '09:15'],
        ['09:25', '10:10'],
        ['10:20', '11:05'],
      ].map(([startsAt, endsAt], i) => ({
        schoolId,
        bellScheduleId: bells.id,
        lessonNumber: i + 1,
        startsAt: startsAt!,
        endsAt: endsAt!,
      })),
    )
    .execute();
  const subject = async (name: string, sortOrder: number) =>
    (
      await db
        .insertInto('subjects')
        .values({ schoolId, name, shortName: name.slice(0, 3), sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const math = await subject('Математика', 1);
  const russian = await subject('Русский язык', 2);
  const course = async (subjectId: number, groupId: number, teacherId: number) =>
    (
      await db
        .insertInto('courses')
        .values({ schoolId, academicYearId: yearId, subjectId, groupId, teacherId, hoursPerWeek: 4 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const courses = {
    math5: await course(math, c5.groupId, people.mathT.id),
    rus5: await course(russian, c5.groupId, people.rusT.id),
    math6: await course(math, c6.groupId, people.mathT.id),
  };
  const lesson = async (
    courseId: number,
    teacherId: number,
    date: string,
    lessonNumber: number,
    o: {
      topic?: string;
      homework?: string;
      topicEnteredAt?: string;
      homeworkEnteredAt?: string;
      attendanceTakenAt?: string;
      cancelledAt?: string;
    } = {},
  ) =>
    (
      await db
        .insertInto('lessons')
        .values({ schoolId, courseId, teacherId, date, lessonNumber, ...o })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const filled = (at: string) => ({
    topic: 'Тема',
    homework: '№ 1',
    topicEnteredAt: at,
    homeworkEnteredAt: at,
    attendanceTakenAt: at,
  });
  const lessons = {
    l1: await lesson(courses.math5, people.mathT.id, '2026-10-05', 1, {
      ...filled('2026-10-05T06:00:00.000Z'),
      homeworkEnteredAt: '2026-10-05T09:00:00.000Z',
    }),
    l2: await lesson(courses.rus5, people.rusT.id, '2026-10-05', 3, {
      homework: 'Упр. 5',
      homeworkEnteredAt: '2026-10-05T09:10:00.000Z',
      attendanceTakenAt: '2026-10-06T05:00:00.000Z',
    }),
    l3: await lesson(courses.math5, people.sub.id, '2026-10-06', 2, {
      topic: 'Дроби',
      topicEnteredAt: '2026-10-06T20:30:00.000Z',
    }),
    l4: await lesson(courses.math5, people.mathT.id, '2026-10-07', 1, filled('2026-10-06T22:00:00.000Z')),
    l5: await lesson(courses.math5, people.mathT.id, '2026-10-08', 1, {
      cancelledAt: '2026-10-01T08:00:00.000Z',
    }),
    l6: await lesson(courses.math5, people.mathT.id, addDays(today(), 3), 1),
    l7: await lesson(courses.math6, people.mathT.id, '2026-10-05', 1),
  };
  const kinds = await db
    .selectFrom('workKinds')
    .select(['id', 'shortName'])
    .where('schoolId', '=', schoolId)
    .execute();
  const kind = (shortName: string) => kinds.find((k) => k.shortName === shortName)!.id;
  const students = await Promise.all(
    ['Алексеева', 'Борисов', 'Васильева', 'Глебов'].map((lastName) =>
      buildPerson(db, { schoolId, roles: ['student'], lastName, account: false }),
    ),
  );
  const mark = (studentId: number, workKind: string, createdAt: string, deletedAt: string | null = null) =>
    db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId: lessons.l4,
        studentId,
        workKindId: kind(workKind),
        value: '5',
        createdAt,
        createdBy: people.mathT.id,
        deletedAt,
      })
      .execute();
  await mark(students[0]!.id, 'КР', '2026-10-14T20:00:00.000Z');
  await mark(students[1]!.id, 'КР', '2026-10-15T06:00:00.000Z');
  await mark(students[2]!.id, 'Отв', '2026-10-20T06:00:00.000Z');
  await mark(students[3]!.id, 'КР', '2026-10-20T06:00:00.000Z', '2026-10-21T06:00:00.000Z');
  return { schoolId, yearId, districtId, people, c5, c6, courses, lessons };
}
