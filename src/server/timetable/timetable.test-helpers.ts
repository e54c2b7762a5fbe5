import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import { type Ctx, systemCtx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';

/** A person acting through the use cases with the given school roles. */
export function ctxAs(
  db: Kysely<DB>,
  personId: number,
  schoolId: number,
  roles: Role[],
  lang: 'ru' | 'en' = 'ru',
): Ctx {
  return {
    db,
    actor: {
      kind: 'person',
      personId,
      accountId: 0,
      grants: roles.map((role) => ({ role, schoolId, districtId: null })),
    },
    request: { requestId: null, ip: null, lang },
  };
}

async function subject(db: Kysely<DB>, schoolId: number, name: string, sortOrder: number) {
  const row = await db
    .insertInto('subjects')
    .values({ schoolId, name, shortName: name.slice(0, 5), sortOrder })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function course(
  db: Kysely<DB>,
  o: {
    schoolId: number;
    yearId: number;
    subjectId: number;
    groupId: number;
    teacherId: number;
    hours: number;
  },
) {
  const row = await db
    .insertInto('courses')
    .values({
      schoolId: o.schoolId,
      academicYearId: o.yearId,
      subjectId: o.subjectId,
      groupId: o.groupId,
      teacherId: o.teacherId,
      hoursPerWeek: o.hours,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function subgroup(
  db: Kysely<DB>,
  o: { schoolId: number; yearId: number; classId: number; name: string; subjectId: number },
) {
  const row = await db
    .insertInto('groups')
    .values({
      schoolId: o.schoolId,
      academicYearId: o.yearId,
      classId: o.classId,
      kind: 'subgroup',
      name: o.name,
      subjectId: o.subjectId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A school with classes 5А (whole class, two English subgroups) and 6Б, four teachers, an admin,
 * a deputy and a director, weekday bells, the autumn holiday on 4 November 2026 and Saturday
 * 7 November 2026 worked as a Wednesday.
 */
export async function timetableSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (lastName: string, roles: Role[]) => buildPerson(db, { schoolId, roles, lastName });
  const [ivanova, petrov, sidorova, orlova, admin, deputy, director, plain] = await Promise.all([
    person('Иванова', ['teacher']),
    person('Петров', ['teacher']),
    person('Сидорова', ['teacher']),
    person('Орлова', ['teacher']),
    person('Админова', ['admin']),
    person('Завучева', ['deputy', 'teacher']),
    person('Директоров', ['director']),
    person('Простова', ['teacher']),
  ]);
  const parent = await buildPerson(db, { schoolId, roles: ['parent'], lastName: 'Родителева' });
  const c5 = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А' });
  const c6 = await buildClass(db, { schoolId, yearId, grade: 6, letter: 'Б' });
  const math = await subject(db, schoolId, 'Математика', 1);
  const russian = await subject(db, schoolId, 'Русский язык', 2);
  const english = await subject(db, schoolId, 'Английский язык', 3);
  const sub1 = await subgroup(db, {
    schoolId,
    yearId,
    classId: c5.classId,
    name: '5А-1',
    subjectId: english,
  });
  const sub2 = await subgroup(db, {
    schoolId,
    yearId,
    classId: c5.classId,
    name: '5А-2',
    subjectId: english,
  });
  const courses = {
    math5: await course(db, {
      schoolId,
      yearId,
      subjectId: math,
      groupId: c5.groupId,
      teacherId: ivanova.id,
      hours: 5,
    }),
    russian5: await course(db, {
      schoolId,
      yearId,
      subjectId: russian,
      groupId: c5.groupId,
      teacherId: petrov.id,
      hours: 4,
    }),
    english5a: await course(db, {
      schoolId,
      yearId,
      subjectId: english,
      groupId: sub1,
      teacherId: sidorova.id,
      hours: 3,
    }),
    english5b: await course(db, {
      schoolId,
      yearId,
      subjectId: english,
      groupId: sub2,
      teacherId: orlova.id,
      hours: 3,
    }),
    math6: await course(db, {
      schoolId,
      yearId,
      subjectId: math,
      groupId: c6.groupId,
      teacherId: ivanova.id,
      hours: 5,
    }),
  };
  const { id: bellScheduleId } = await db
    .insertInto('bellSchedules')
    .values({ schoolId, name: 'Будни', weekdays: '[1,2,3,4,5]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('bellTimes')
    .values([
      { schoolId, bellScheduleId, lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' },
      { schoolId, bellScheduleId, lessonNumber: 2, startsAt: '09:25', endsAt: '10:10' },
    ])
    .execute();
  await db
    .insertInto('calendarEntries')
    .values([
      {
        schoolId,
        academicYearId: yearId,
        kind: 'holiday',
        name: 'День народного единства',
        startsOn: '2026-11-04',
        endsOn: '2026-11-04',
        grade: null,
        asWeekday: null,
      },
      {
        schoolId,
        academicYearId: yearId,
        kind: 'workday',
        name: 'Перенос',
        startsOn: '2026-11-07',
        endsOn: '2026-11-07',
        grade: null,
        asWeekday: 3,
      },
    ])
    .execute();
  const as = (p: { id: number }, roles: Role[]) => ctxAs(db, p.id, schoolId, roles);
  return {
    schoolId,
    yearId,
    classes: { c5, c6 },
    groups: { sub1, sub2 },
    subjects: { math, russian, english },
    courses,
    people: { ivanova, petrov, sidorova, orlova, admin, deputy, director, plain, parent },
    admin: as(admin, ['admin']),
    teacher: as(plain, ['teacher']),
    system: systemCtx(db),
  };
}

/** The lessons of a course in a range, as rows. */
export function lessonsOf(db: Kysely<DB>, courseId: number, from = '2026-09-01', to = '2027-08-31') {
  return db
    .selectFrom('lessons')
    .select(['id', 'date', 'lessonNumber', 'teacherId', 'cancelledAt', 'origin'])
    .where('courseId', '=', courseId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('lessonNumber')
    .execute();
}
