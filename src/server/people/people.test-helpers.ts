import type { Kysely } from 'kysely';
import {
  buildClass,
  buildCourse,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';

/** Gives a student a personal file. */
export async function buildProfile(
  db: Kysely<DB>,
  o: { schoolId: number; studentId: number; fileNumber: string; arrivedOn?: string },
) {
  await db
    .insertInto('studentProfiles')
    .values({
      personId: o.studentId,
      schoolId: o.schoolId,
      fileNumber: o.fileNumber,
      healthGroup: null,
      peGroup: null,
      arrivedOn: o.arrivedOn ?? null,
      arrivalOrder: null,
      departedOn: null,
      departureOrder: null,
    })
    .execute();
}

/** Records a consent given on a date. */
export async function buildConsent(
  db: Kysely<DB>,
  o: { schoolId: number; guardianId: number; givenOn?: string },
) {
  await db
    .insertInto('consents')
    .values({
      schoolId: o.schoolId,
      guardianId: o.guardianId,
      givenOn: o.givenOn ?? '2026-09-01',
      withdrawnOn: null,
      recordedBy: null,
    })
    .execute();
}

/**
 * A school with classes 5А (class teacher, subject teacher, two students S and T, S's mother with
 * an account and consent) and 5Б (another class teacher, student U), an admin and a director.
 */
export async function buildClassWorld(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
  const director = await buildPerson(db, { schoolId, roles: ['director'] });
  const classTeacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Классная' });
  const subjectTeacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Предметник' });
  const otherClassTeacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Другая' });
  const a = await buildClass(db, { schoolId, yearId, classTeacherId: classTeacher.id });
  const b = await buildClass(db, { schoolId, yearId, letter: 'Б', classTeacherId: otherClassTeacher.id });
  const s = await buildPerson(db, { schoolId, roles: ['student'], lastName: 'Яковлев', firstName: 'Сергей' });
  const t = await buildPerson(db, {
    schoolId,
    roles: ['student'],
    lastName: 'Андреева',
    firstName: 'Татьяна',
  });
  const u = await buildPerson(db, { schoolId, roles: ['student'], lastName: 'Уткин', firstName: 'Устин' });
  const mother = await buildPerson(db, {
    schoolId,
    roles: ['parent'],
    lastName: 'Яковлева',
    firstName: 'Мария',
  });
  for (const [student, group] of [
    [s, a.groupId],
    [t, a.groupId],
    [u, b.groupId],
  ] as const)
    await enroll(db, { schoolId, groupId: group, studentId: student.id });
  await buildProfile(db, { schoolId, studentId: s.id, fileNumber: 'S-1', arrivedOn: '2020-09-01' });
  await buildProfile(db, { schoolId, studentId: t.id, fileNumber: 'T-1' });
  await buildProfile(db, { schoolId, studentId: u.id, fileNumber: 'U-1' });
  await linkGuardian(db, { schoolId, guardianId: mother.id, studentId: s.id });
  await buildConsent(db, { schoolId, guardianId: mother.id });
  await db
    .updateTable('persons')
    .set({ birthDate: '2015-02-03', address: 'ул. Мира, 5' })
    .where('id', '=', s.id)
    .execute();
  await buildCourse(db, { schoolId, yearId, groupId: a.groupId, teacherId: subjectTeacher.id });
  return {
    schoolId,
    yearId,
    admin,
    director,
    classTeacher,
    subjectTeacher,
    otherClassTeacher,
    a,
    b,
    s,
    t,
    u,
    mother,
  };
}
/** The world `buildClassWorld` makes. */
export type ClassWorld = Awaited<ReturnType<typeof buildClassWorld>>;

/** How many rows a table holds for a school (to prove nothing was stored). */
export async function countRows(
  db: Kysely<DB>,
  table:
    | 'auditEvents'
    | 'persons'
    | 'guardianships'
    | 'consents'
    | 'studentProfiles'
    | 'cardViews'
    | 'workKinds',
  schoolId: number,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('schoolId', '=', schoolId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
