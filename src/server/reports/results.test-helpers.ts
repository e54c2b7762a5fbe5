import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { DB } from '../db/schema.ts';

async function id(q: { executeTakeFirstOrThrow(): Promise<{ id: number }> }) {
  return (await q.executeTakeFirstOrThrow()).id;
}

/**
 * A school for the results report (optionally in a district): 5А (quarters, class teacher
 * Классова) with five students and their first-quarter marks in mathematics (Математикова) and
 * Russian (Русакова), an art course marked «зач», Егоров who left 5А on 10 October; 6Б
 * (trimesters) and 1А (grade 1, no marks), whose marks must not count in the first quarter.
 *
 * Period marks of the first quarter (Дмитриева has none in Russian: her suggested mark is
 * worked out in the tests from her marks):
 *   Антонова  5 5 · Борисов 5 4 · Васильева 4 3 · Григорьев 2 3 · Дмитриева н/а —
 */
export async function resultsSchool(db: Kysely<DB>, districtId: number | null = null) {
  const { schoolId, yearId } = await buildSchool(db, { districtId });
  const person = (lastName: string, roles: Role[], firstName = 'Анна') =>
    buildPerson(db, { schoolId, roles, lastName, firstName });
  const people = {
    classT: await person('Классова', ['teacher']),
    mathT: await person('Математикова', ['teacher']),
    rusT: await person('Русакова', ['teacher']),
    otherT: await person('Другова', ['teacher']),
    deputy: await person('Завучева', ['deputy']),
    director: await person('Директорова', ['director']),
    admin: await person('Админова', ['admin']),
  };
  const names = ['Антонова', 'Борисов', 'Васильева', 'Григорьев', 'Дмитриева', 'Егоров', 'Жилин', 'Зуева'];
  const st: Record<string, number> = {};
  for (const n of names) st[n] = (await person(n, ['student'], 'Ученик')).id;
  const c5 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 5,
    letter: 'А',
    classTeacherId: people.classT.id,
  });
  const c6 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 6,
    letter: 'Б',
    classTeacherId: people.otherT.id,
  });
  const c1 = await buildClass(db, { schoolId, yearId, grade: 1, letter: 'А' });
  for (const n of names.slice(0, 5)) await enroll(db, { schoolId, groupId: c5.groupId, studentId: st[n]! });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: st.Егоров!, endsOn: '2026-10-10' });
  await enroll(db, { schoolId, groupId: c6.groupId, studentId: st.Жилин! });
  await enroll(db, { schoolId, groupId: c1.groupId, studentId: st.Зуева! });
  await db
    .insertInto('gradeSchemes')
    .values([
      { schoolId, academicYearId: yearId, grade: 5, scheme: 'quarters' },
      { schoolId, academicYearId: yearId, grade: 1, scheme: 'quarters' },
      { schoolId, academicYearId: yearId, grade: 6, scheme: 'trimesters' },
    ])
    .execute();
  const period = (
    scheme: 'quarters' | 'trimesters' | 'year',
    kind: 'term' | 'year',
    number: number,
    name: string,
    startsOn: string,
    endsOn: string,
  ) =>
    id(
      db
        .insertInto('periods')
        .values({ schoolId, academicYearId: yearId, scheme, kind, number, name, startsOn, endsOn })
        .returning('id'),
    );
  const periods = {
    q1: await period('quarters', 'term', 1, '1 четверть', '2026-09-01', '2026-10-25'),
    q2: await period('quarters', 'term', 2, '2 четверть', '2026-11-05', '2026-12-28'),
    t1: await period('trimesters', 'term', 1, '1 триместр', '2026-09-01', '2026-11-30'),
    year: await period('year', 'year', 1, 'Год', '2026-09-01', '2027-05-31'),
  };
  const subject = (name: string, sortOrder: number) =>
    id(
      db
        .insertInto('subjects')
        .values({ schoolId, name, shortName: name.slice(0, 3), sortOrder })
        .returning('id'),
    );
  const subjects = {
    math: await subject('Математика', 1),
    russian: await subject('Русский язык', 2),
    art: await subject('ИЗО', 3),
  };
  const course = (subjectId: number, groupId: number, teacherId: number) =>
    id(
      db
        .insertInto('courses')
        .values({ schoolId, academicYearId: yearId, subjectId, groupId, teacherId, hoursPerWeek: 4 })
        .returning('id'),
    );
  const courses = {
    math5: await course(subjects.math, c5.groupId, people.mathT.id),
    russian5: await course(subjects.russian, c5.groupId, people.rusT.id),
    art5: await course(subjects.art, c5.groupId, people.otherT.id),
    math6: await course(subjects.math, c6.groupId, people.mathT.id),
    math1: await course(subjects.math, c1.groupId, people.mathT.id),
  };
  const lesson = (courseId: number, teacherId: number, date: string) =>
    id(
      db
        .insertInto('lessons')
        .values({ schoolId, courseId, teacherId, date, lessonNumber: 1 })
        .returning('id'),
    );
  const lessons = {
    rus0910: await lesson(courses.russian5, people.rusT.id, '2026-09-10'),
    rus1001: await lesson(courses.russian5, people.rusT.id, '2026-10-01'),
    rus1110: await lesson(courses.russian5, people.rusT.id, '2026-11-10'),
    math6: await lesson(courses.math6, people.mathT.id, '2026-09-10'),
  };
  const kinds = await db
    .selectFrom('workKinds')
    .select(['id', 'shortName'])
    .where('schoolId', '=', schoolId)
    .execute();
  const kind = (shortName: string) => kinds.find((k) => k.shortName === shortName)!.id;
  const mark = (
    lessonId: number,
    studentId: number,
    value: string,
    workKind: string,
    deletedAt: string | null = null,
  ) =>
    db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId,
        studentId,
        workKindId: kind(workKind),
        value,
        createdBy: people.rusT.id,
        deletedAt,
      })
      .execute();
  // Дмитриева in Russian: 4- (Отв, weight 1), 3 (Дикт, weight 2), 5-/4 (СР, weight 1.5); a removed
  // 2 (КР) and a 2 (КР) after the quarter must not count.
  await mark(lessons.rus0910, st.Дмитриева!, '4-', 'Отв');
  await mark(lessons.rus0910, st.Дмитриева!, '3', 'Дикт');
  await mark(lessons.rus1001, st.Дмитриева!, '5-/4', 'СР');
  await mark(lessons.rus1001, st.Дмитриева!, '2', 'КР', '2026-10-02T08:00:00.000Z');
  await mark(lessons.rus1110, st.Дмитриева!, '2', 'КР');
  // Жилин (6Б, trimesters) has a 2 in the first quarter's dates: 6Б is not on quarters.
  await mark(lessons.math6, st.Жилин!, '2', 'КР');
  const periodMark = (studentId: number, subjectId: number, value: string, periodId = periods.q1) =>
    db
      .insertInto('periodMarks')
      .values({ schoolId, studentId, subjectId, periodId, value, createdBy: people.mathT.id })
      .execute();
  const q1: [string, string, string][] = [
    ['Антонова', '5', '5'],
    ['Борисов', '5', '4'],
    ['Васильева', '4', '3'],
    ['Григорьев', '2', '3'],
  ];
  for (const [n, math, rus] of q1) {
    await periodMark(st[n]!, subjects.math, math);
    await periodMark(st[n]!, subjects.russian, rus);
  }
  await periodMark(st.Дмитриева!, subjects.math, 'н/а');
  for (const n of names.slice(0, 5)) await periodMark(st[n]!, subjects.art, 'зач');
  await periodMark(st.Егоров!, subjects.math, '2');
  await periodMark(st.Зуева!, subjects.math, '5');
  return { schoolId, yearId, people, st, names, c5, c6, c1, periods, subjects, courses, lessons, kind };
}
