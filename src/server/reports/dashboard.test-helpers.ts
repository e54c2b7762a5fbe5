import type { Kysely } from 'kysely';
import { buildClass, buildDistrict, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';

type Entry = 'onTime' | 'late' | null;

/** An entry's stamp: on time is 12:00 MSK of the lesson's day, late is 12:00 MSK the next day. */
function stamp(date: string, entry: Entry): string | null {
  if (entry === null) return null;
  const day =
    entry === 'onTime'
      ? date
      : new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${day}T09:00:00.000Z`;
}

/**
 * A school for the dashboard (Moscow time, default rules, no bells): 5А with students Антонова and
 * Борисов; mathematics (Математикова), Russian (Русакова), history (Историкова). Held lessons of
 * 05.10–25.10.2026, by Monday-based week (topic / homework / attendance):
 * - week of 05.10: math 05.10 all on time (Антонова absent); Russian 06.10 all on time; history
 *   07.10 all on time;
 * - week of 12.10: math 12.10 no topic, the rest on time (Борисов absent, Антонова late); Russian
 *   13.10 topic late, the rest on time;
 * - week of 19.10: math 19.10 topic on time, no homework, no attendance (a stray absence of
 *   Антонова on it does not count); math 20.10 cancelled; Russian 21.10 all on time (both absent).
 * Before the range: math 28.09, nothing entered. Quarters: 1st 01.09–25.10, 2nd 05.11–28.12, with
 * period marks (1st: Антонова 5 and 5, Борисов 4 and 3; 2nd: Антонова 5 and 4, Борисов 4 and 4).
 * Remarks: six open on mathematics, one fixed and one closed on Russian.
 */
export async function dashboardSchool(db: Kysely<DB>) {
  const districtId = await buildDistrict(db);
  const { schoolId, yearId } = await buildSchool(db, { districtId });
  const person = (lastName: string, roles: ('teacher' | 'deputy' | 'director' | 'parent' | 'student')[]) =>
    buildPerson(db, { schoolId, roles, lastName, firstName: 'Анна' });
  const people = {
    mathT: await person('Математикова', ['teacher']),
    rusT: await person('Русакова', ['teacher']),
    histT: await person('Историкова', ['teacher']),
    deputy: await person('Завучева', ['deputy']),
    director: await person('Директорова', ['director']),
    parent: await person('Родителева', ['parent']),
    district: await buildPerson(db, { schoolId: null, districtId, roles: ['district'] }),
  };
  const students = {
    antonova: await person('Антонова', ['student']),
    borisov: await person('Борисов', ['student']),
  };
  const c5 = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А' });
  for (const s of Object.values(students))
    await enroll(db, { schoolId, groupId: c5.groupId, studentId: s.id });
  await db
    .insertInto('gradeSchemes')
    .values({ schoolId, academicYearId: yearId, grade: 5, scheme: 'quarters' })
    .execute();
  const period = async (number: number, name: string, startsOn: string, endsOn: string) =>
    (
      await db
        .insertInto('periods')
        .values({
          schoolId,
          academicYearId: yearId,
          scheme: 'quarters',
          kind: 'term',
          number,
          name,
          startsOn,
          endsOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const periods = {
    q1: await period(1, '1 четверть', '2026-09-01', '2026-10-25'),
    q2: await period(2, '2 четверть', '2026-11-05', '2026-12-28'),
  };
  const subject = async (name: string, sortOrder: number) =>
    (
      await db
        .insertInto('subjects')
        .values({ schoolId, name, shortName: name.slice(0, 3), sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const subjects = {
    math: await subject('Математика', 1),
    russian: await subject('Русский язык', 2),
    history: await subject('История', 3),
  };
  const course = async (subjectId: number, teacherId: number) =>
    (
      await db
        .insertInto('courses')
        .values({
          schoolId,
          academicYearId: yearId,
          subjectId,
          groupId: c5.groupId,
          teacherId,
          hoursPerWeek: 2,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const courses = {
    math: await course(subjects.math, people.mathT.id),
    russian: await course(subjects.russian, people.rusT.id),
    history: await course(subjects.history, people.histT.id),
  };
  const lesson = async (
    courseId: number,
    teacherId: number,
    date: string,
    [topic, homework, attendance]: [Entry, Entry, Entry],
    cancelled = false,
  ) =>
    (
      await db
        .insertInto('lessons')
        .values({
          schoolId,
          courseId,
          teacherId,
          date,
          lessonNumber: 1,
          topic: topic === null ? null : 'Тема урока',
          homework: homework === null ? null : '№ 1–5',
          topicEnteredAt: stamp(date, topic),
          homeworkEnteredAt: stamp(date, homework),
          attendanceTakenAt: stamp(date, attendance),
          cancelledAt: cancelled ? `${date}T05:00:00.000Z` : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const all: [Entry, Entry, Entry] = ['onTime', 'onTime', 'onTime'];
  const m = people.mathT.id;
  const r = people.rusT.id;
  const lessons = {
    math0928: await lesson(courses.math, m, '2026-09-28', [null, null, null]),
    math1005: await lesson(courses.math, m, '2026-10-05', all),
    rus1006: await lesson(courses.russian, r, '2026-10-06', all),
    hist1007: await lesson(courses.history, people.histT.id, '2026-10-07', all),
    math1012: await lesson(courses.math, m, '2026-10-12', [null, 'onTime', 'onTime']),
    rus1013: await lesson(courses.russian, r, '2026-10-13', ['late', 'onTime', 'onTime']),
    math1019: await lesson(courses.math, m, '2026-10-19', ['onTime', null, null]),
    math1020: await lesson(courses.math, m, '2026-10-20', all, true),
    rus1021: await lesson(courses.russian, r, '2026-10-21', all),
  };
  const absence = (lessonId: number, studentId: number, value: 'absent' | 'late') =>
    db.insertInto('attendance').values({ schoolId, lessonId, studentId, value, createdBy: m }).execute();
  await absence(lessons.math1005, students.antonova.id, 'absent');
  await absence(lessons.math1012, students.borisov.id, 'absent');
  await absence(lessons.math1012, students.antonova.id, 'late');
  await absence(lessons.math1019, students.antonova.id, 'absent');
  await absence(lessons.rus1021, students.antonova.id, 'absent');
  await absence(lessons.rus1021, students.borisov.id, 'absent');

  const periodMark = (
    studentId: number,
    subjectId: number,
    courseId: number,
    periodId: number,
    value: string,
  ) =>
    db
      .insertInto('periodMarks')
      .values({ schoolId, studentId, subjectId, courseId, periodId, value, createdBy: m })
      .execute();
  const { antonova: a, borisov: b } = students;
  await periodMark(a.id, subjects.math, courses.math, periods.q1, '5');
  await periodMark(a.id, subjects.russian, courses.russian, periods.q1, '5');
  await periodMark(b.id, subjects.math, courses.math, periods.q1, '4');
  await periodMark(b.id, subjects.russian, courses.russian, periods.q1, '3');
  await periodMark(a.id, subjects.math, courses.math, periods.q2, '5');
  await periodMark(a.id, subjects.russian, courses.russian, periods.q2, '4');
  await periodMark(b.id, subjects.math, courses.math, periods.q2, '4');
  await periodMark(b.id, subjects.russian, courses.russian, periods.q2, '4');

  const remark = (courseId: number, n: number, state: 'open' | 'fixed' | 'closed') =>
    db
      .insertInto('remarks')
      .values({
        schoolId,
        courseId,
        authorId: people.deputy.id,
        text: `Замечание ${n}`,
        lessonId: courseId === courses.math ? lessons.math1012 : null,
        createdAt: `2026-10-${String(10 + n).padStart(2, '0')}T10:00:00.000Z`,
        fixedAt: state === 'open' ? null : '2026-10-30T10:00:00.000Z',
        fixedBy: state === 'open' ? null : r,
        closedAt: state === 'closed' ? '2026-10-31T10:00:00.000Z' : null,
        closedBy: state === 'closed' ? people.deputy.id : null,
      })
      .execute();
  for (let n = 1; n <= 6; n++) await remark(courses.math, n, 'open');
  await remark(courses.russian, 7, 'fixed');
  await remark(courses.russian, 8, 'closed');
  return { schoolId, yearId, districtId, people, students, c5, periods, subjects, courses, lessons };
}
