import type { Kysely } from 'kysely';
import { buildPerson, enroll } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';
import { ctxAs, timetableSchool } from '../timetable/timetable.test-helpers.ts';

/** The quarters of 2026/2027 as the tests use them. */
export const quarters = [
  ['1 четверть', '2026-09-01', '2026-10-23'],
  ['2 четверть', '2026-11-02', '2026-12-28'],
  ['3 четверть', '2027-01-11', '2027-03-19'],
  ['4 четверть', '2027-03-30', '2027-05-26'],
] as const;

/** A recent lesson date (in the 2nd quarter) and an old one (in the 1st). */
export const recent = '2026-11-24';
export const old = '2026-09-14';

async function lesson(
  db: Kysely<DB>,
  schoolId: number,
  courseId: number,
  teacherId: number,
  date: string,
  n = 1,
) {
  const row = await db
    .insertInto('lessons')
    .values({ schoolId, courseId, teacherId, date, lessonNumber: n })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The timetable test school with a journal: quarters (grades 5 and 6) and the year, exam and final
 * periods; an edit window of a year (tests that need a late change set it to 0); class 5А led by
 * Петров with three students, Борисова moving from English subgroup 5А-1 to 5А-2 on 16 November;
 * lessons of Математика 5А (one given by Простова as a substitute) and of both English subgroups.
 */
export async function journalSchool(db: Kysely<DB>) {
  const s = await timetableSchool(db);
  const { schoolId, yearId } = s;
  await db
    .updateTable('schools')
    .set({ settings: JSON.stringify({ editWindowDays: 365 }) })
    .where('id', '=', schoolId)
    .execute();
  const inYear = { schoolId, academicYearId: yearId };
  const periodIds: number[] = [];
  for (const [i, [name, startsOn, endsOn]] of quarters.entries()) {
    const row = await db
      .insertInto('periods')
      .values({ ...inYear, scheme: 'quarters', kind: 'term', number: i + 1, name, startsOn, endsOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    periodIds.push(row.id);
  }
  const yearLong: Record<string, number> = {};
  for (const [kind, name] of [
    ['year', 'Год'],
    ['exam', 'Экзамен'],
    ['final', 'Итоговая'],
  ] as const) {
    const row = await db
      .insertInto('periods')
      .values({
        ...inYear,
        scheme: 'year',
        kind,
        number: 1,
        name,
        startsOn: '2026-09-01',
        endsOn: '2027-05-26',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    yearLong[kind] = row.id;
  }
  await db
    .insertInto('gradeSchemes')
    .values([5, 6].map((grade) => ({ ...inYear, grade, scheme: 'quarters' as const })))
    .execute();
  await db
    .updateTable('classes')
    .set({ classTeacherId: s.people.petrov.id })
    .where('id', '=', s.classes.c5.classId)
    .execute();

  const student = (lastName: string, firstName: string) =>
    buildPerson(db, { schoolId, roles: ['student'], lastName, firstName, account: false });
  const alekseev = await student('Алексеев', 'Антон');
  const borisova = await student('Борисова', 'Бела');
  const vasiliev = await student('Васильев', 'Вадим');
  for (const st of [vasiliev, borisova, alekseev])
    await enroll(db, { schoolId, groupId: s.classes.c5.groupId, studentId: st.id });
  await enroll(db, { schoolId, groupId: s.groups.sub1, studentId: alekseev.id });
  await enroll(db, { schoolId, groupId: s.groups.sub1, studentId: borisova.id, endsOn: '2026-11-15' });
  await enroll(db, { schoolId, groupId: s.groups.sub2, studentId: borisova.id, startsOn: '2026-11-16' });
  await enroll(db, { schoolId, groupId: s.groups.sub2, studentId: vasiliev.id });

  const { ivanova, sidorova, orlova, plain } = s.people;
  const lessons = {
    mathOld: await lesson(db, schoolId, s.courses.math5, ivanova.id, old),
    mathRecent: await lesson(db, schoolId, s.courses.math5, ivanova.id, recent),
    mathSubstituted: await lesson(db, schoolId, s.courses.math5, plain.id, recent, 2),
    englishA1: await lesson(db, schoolId, s.courses.english5a, sidorova.id, '2026-11-09'),
    englishA2: await lesson(db, schoolId, s.courses.english5a, sidorova.id, '2026-11-23'),
    englishB1: await lesson(db, schoolId, s.courses.english5b, orlova.id, '2026-11-10'),
    englishB2: await lesson(db, schoolId, s.courses.english5b, orlova.id, recent),
  };
  const kinds = await db
    .selectFrom('workKinds')
    .select(['id', 'shortName'])
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .execute();
  const kind = (short: string) => kinds.find((k) => k.shortName === short)!.id;
  const as = (p: { id: number }, roles: ('teacher' | 'deputy' | 'director' | 'parent')[]) =>
    ctxAs(db, p.id, schoolId, roles);
  return {
    ...s,
    periods: {
      q1: periodIds[0]!,
      q2: periodIds[1]!,
      q3: periodIds[2]!,
      year: yearLong.year!,
      exam: yearLong.exam!,
    },
    students: { alekseev: alekseev.id, borisova: borisova.id, vasiliev: vasiliev.id },
    lessons,
    workKinds: { answer: kind('Отв'), test: kind('КР') },
    ctx: {
      ivanova: as(ivanova, ['teacher']),
      petrov: as(s.people.petrov, ['teacher']),
      sidorova: as(sidorova, ['teacher']),
      orlova: as(orlova, ['teacher']),
      plain: as(plain, ['teacher']),
      deputy: as(s.people.deputy, ['deputy', 'teacher']),
      director: as(s.people.director, ['director']),
      parent: as(s.people.parent, ['parent']),
    },
  };
}

/** Closes a period for a class as the deputy would; returns the closure's id. */
export async function closePeriod(
  db: Kysely<DB>,
  schoolId: number,
  periodId: number,
  classId: number,
  by: number,
) {
  const row = await db
    .insertInto('periodClosures')
    .values({ schoolId, periodId, classId, closedAt: new Date().toISOString(), closedBy: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Reopens a closure, as the deputy would with a reason. */
export async function reopenPeriod(db: Kysely<DB>, closureId: number, by: number) {
  await db
    .updateTable('periodClosures')
    .set({ reopenedAt: new Date().toISOString(), reopenedBy: by, reopenReason: 'Исправление ошибки' })
    .where('id', '=', closureId)
    .execute();
}
