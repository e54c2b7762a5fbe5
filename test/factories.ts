import type { Kysely } from 'kysely';
import type { Role } from '../src/domain/roles.ts';
import { systemCtx } from '../src/server/access/actor.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import type { DB } from '../src/server/db/schema.ts';
import { createPerson } from '../src/server/people/create-person.ts';
import { createSchool } from '../src/server/structure/create-school.ts';

let counter = 0;
/** A value unique within the test run (logins must be unique across all schools). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}x${Date.now().toString(36)}x${counter}`;
}

/** A fresh school with default settings and an academic year; every test gets its own. */
export async function buildSchool(
  db: Kysely<DB>,
  overrides: { districtId?: number | null; settings?: object } = {},
) {
  const schoolId = await db.transaction().execute((trx) =>
    createSchool(trx, systemCtx(db), {
      name: unique('Школа '),
      shortName: 'Школа',
      districtId: overrides.districtId ?? null,
    }),
  );
  if (overrides.settings) {
    await db
      .updateTable('schools')
      .set({ settings: JSON.stringify(overrides.settings) })
      .where('id', '=', schoolId)
      .execute();
  }
  const year = await db
    .insertInto('academicYears')
    .values({ schoolId, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { schoolId, yearId: year.id };
}

/** A district. */
export async function buildDistrict(db: Kysely<DB>) {
  const row = await db
    .insertInto('districts')
    .values({ name: unique('Район ') })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let demoHash: Promise<string> | undefined;
/** The password every factory account gets. */
export const testPassword = 'correct horse';

/** A person with roles and (unless `account: false`) an account with `testPassword`. */
export async function buildPerson(
  db: Kysely<DB>,
  o: {
    schoolId: number | null;
    districtId?: number;
    roles: Role[];
    lastName?: string;
    firstName?: string;
    middleName?: string;
    account?: boolean;
    mustChangePassword?: boolean;
  },
) {
  demoHash ??= hashPassword(testPassword);
  const login = unique('u');
  const id = await db.transaction().execute(async (trx) =>
    createPerson(trx, systemCtx(db), {
      schoolId: o.schoolId,
      districtId: o.districtId ?? null,
      lastName: o.lastName ?? 'Иванов',
      firstName: o.firstName ?? 'Иван',
      middleName: o.middleName ?? 'Иванович',
      roles: o.roles,
      account:
        o.account === false
          ? undefined
          : { login, passwordHash: await demoHash!, mustChangePassword: o.mustChangePassword ?? false },
    }),
  );
  return { id, login };
}

/** A class with its whole-class group. */
export async function buildClass(
  db: Kysely<DB>,
  o: { schoolId: number; yearId: number; grade?: number; letter?: string; classTeacherId?: number | null },
) {
  const grade = o.grade ?? 5;
  const letter = o.letter ?? 'А';
  const cls = await db
    .insertInto('classes')
    .values({
      schoolId: o.schoolId,
      academicYearId: o.yearId,
      grade,
      letter,
      classTeacherId: o.classTeacherId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const group = await db
    .insertInto('groups')
    .values({
      schoolId: o.schoolId,
      academicYearId: o.yearId,
      classId: cls.id,
      kind: 'class',
      name: `${grade}${letter}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { classId: cls.id, groupId: group.id };
}

/** Puts a student into a group from a date (default: the start of the year). */
export async function enroll(
  db: Kysely<DB>,
  o: { schoolId: number; groupId: number; studentId: number; startsOn?: string; endsOn?: string },
) {
  await db
    .insertInto('groupMemberships')
    .values({
      schoolId: o.schoolId,
      groupId: o.groupId,
      studentId: o.studentId,
      startsOn: o.startsOn ?? '2026-09-01',
      endsOn: o.endsOn ?? null,
    })
    .execute();
}

/** A subject and a course of it taught to a group. */
export async function buildCourse(
  db: Kysely<DB>,
  o: { schoolId: number; yearId: number; groupId: number; teacherId: number },
) {
  const subject = await db
    .insertInto('subjects')
    .values({ schoolId: o.schoolId, name: 'Математика', shortName: 'Мат' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await db
    .insertInto('courses')
    .values({
      schoolId: o.schoolId,
      academicYearId: o.yearId,
      subjectId: subject.id,
      groupId: o.groupId,
      teacherId: o.teacherId,
      hoursPerWeek: 5,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return course.id;
}

/** Makes a person a guardian of a student. */
export async function linkGuardian(
  db: Kysely<DB>,
  o: { schoolId: number; guardianId: number; studentId: number },
) {
  await db
    .insertInto('guardianships')
    .values({ ...o, kind: 'mother' })
    .execute();
}
