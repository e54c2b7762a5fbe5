import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import { grantsOf } from '../auth/auth.queries.ts';
import type { DB, GuardianKind } from '../db/schema.ts';

/** Records a parent's consent to data processing. */
export async function giveConsent(
  db: Kysely<DB>,
  o: { schoolId: number; guardianId: number; withdrawnOn?: string },
) {
  await db
    .insertInto('consents')
    .values({
      schoolId: o.schoolId,
      guardianId: o.guardianId,
      givenOn: '2026-09-01',
      withdrawnOn: o.withdrawnOn ?? null,
    })
    .execute();
}

/** The use-case context of a signed-in person (their live roles as grants). */
export async function ctxFor(db: Kysely<DB>, personId: number, lang: 'ru' | 'en' = 'ru'): Promise<Ctx> {
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', personId)
    .executeTakeFirst();
  return {
    db,
    actor: { kind: 'person', personId, accountId: account?.id ?? 0, grants: await grantsOf(db, personId) },
    request: { requestId: null, ip: null, lang },
  };
}

async function family(
  db: Kysely<DB>,
  o: {
    schoolId: number;
    groupId: number;
    lastName: string;
    child: string;
    parent: string;
    kind: GuardianKind;
  },
) {
  const student = await buildPerson(db, {
    schoolId: o.schoolId,
    roles: ['student'],
    lastName: o.lastName,
    firstName: o.child,
    middleName: 'Петрович',
    account: false,
  });
  await enroll(db, { schoolId: o.schoolId, groupId: o.groupId, studentId: student.id });
  const parent = await buildPerson(db, {
    schoolId: o.schoolId,
    roles: ['parent'],
    lastName: o.kind === 'mother' ? `${o.lastName}а` : o.lastName,
    firstName: o.parent,
    middleName: o.kind === 'mother' ? 'Петровна' : 'Петрович',
    account: false,
  });
  await db
    .insertInto('guardianships')
    .values({ schoolId: o.schoolId, guardianId: parent.id, studentId: student.id, kind: o.kind })
    .execute();
  return { studentId: student.id, parentId: parent.id };
}

/**
 * A school with an administrator, the class teacher of 5А and of 5Б, and in 5А two families
 * without accounts: the Ивановы (mother has consented) and the Сидоровы (no consent); in 5Б one.
 */
export async function buildCredentialsSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const admin = await buildPerson(db, { schoolId, roles: ['admin'], lastName: 'Админова' });
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Учителева' });
  const otherTeacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Другова' });
  const director = await buildPerson(db, { schoolId, roles: ['director'], lastName: 'Директорова' });
  const a = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А', classTeacherId: teacher.id });
  const b = await buildClass(db, {
    schoolId,
    yearId,
    grade: 5,
    letter: 'Б',
    classTeacherId: otherTeacher.id,
  });
  const ivanov = await family(db, {
    schoolId,
    groupId: a.groupId,
    lastName: 'Иванов',
    child: 'Пётр',
    parent: 'Мария',
    kind: 'mother',
  });
  const sidorov = await family(db, {
    schoolId,
    groupId: a.groupId,
    lastName: 'Сидоров',
    child: 'Олег',
    parent: 'Илья',
    kind: 'father',
  });
  const other = await family(db, {
    schoolId,
    groupId: b.groupId,
    lastName: 'Петров',
    child: 'Ян',
    parent: 'Юлия',
    kind: 'mother',
  });
  await giveConsent(db, { schoolId, guardianId: ivanov.parentId });
  await giveConsent(db, { schoolId, guardianId: other.parentId });
  return {
    schoolId,
    yearId,
    admin,
    teacher,
    otherTeacher,
    director,
    classA: a.classId,
    classB: b.classId,
    ivanov,
    sidorov,
    other,
  };
}
