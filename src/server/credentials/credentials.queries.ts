import type { Db } from '../access/actor.ts';
import { currentClasses, today } from '../access/relationships.queries.ts';

/** Roles whose accounts only the staff administrator manages. */
export const staffRoleNames = ['admin', 'director', 'deputy', 'teacher', 'district'] as const;
/** Staff roles held in a school. */
export const schoolStaffRoles = ['admin', 'director', 'deputy', 'teacher'] as const;

const none = [-1];
const orNone = (ids: readonly number[]) => (ids.length ? [...ids] : none);

/** People by id with their names and sort keys (archived people included: callers decide). */
export function personsByIds(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'schoolId', 'lastName', 'firstName', 'middleName', 'sortKey', 'archivedAt'])
    .where('id', 'in', orNone(ids))
    .orderBy('sortKey')
    .orderBy('id')
    .execute();
}

/** Live roles of the people, with the school each is held in. */
export function liveRolesOf(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('roleAssignments')
    .select(['personId', 'role', 'schoolId'])
    .where('personId', 'in', orNone(ids))
    .where('revokedAt', 'is', null)
    .execute();
}

/** The accounts of the people (at most one each). */
export function accountsOf(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'personId', 'login', 'passwordChangedAt', 'lastLoginAt', 'disabledAt'])
    .where('personId', 'in', orNone(ids))
    .execute();
}

/** Current guardianships of the students (or of the guardians), with the names of both. */
export function guardianshipsOf(
  db: Db,
  by: { studentIds?: readonly number[]; guardianIds?: readonly number[] },
) {
  let query = db
    .selectFrom('guardianships')
    .innerJoin('persons as student', 'student.id', 'guardianships.studentId')
    .innerJoin('persons as guardian', 'guardian.id', 'guardianships.guardianId')
    .select([
      'guardianships.guardianId',
      'guardianships.studentId',
      'guardianships.kind',
      'student.lastName as studentLastName',
      'student.firstName as studentFirstName',
      'student.sortKey as studentSortKey',
      'guardian.lastName',
      'guardian.firstName',
      'guardian.middleName',
      'guardian.sortKey',
    ])
    .where('guardianships.archivedAt', 'is', null)
    .where('student.archivedAt', 'is', null)
    .where('guardian.archivedAt', 'is', null);
  if (by.studentIds) query = query.where('guardianships.studentId', 'in', orNone(by.studentIds));
  if (by.guardianIds) query = query.where('guardianships.guardianId', 'in', orNone(by.guardianIds));
  return query.orderBy('guardian.sortKey').orderBy('guardian.id').orderBy('student.sortKey').execute();
}

/** The class each student is in today, as «5А». */
export async function classNamesOf(db: Db, studentIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await currentClasses(db, today(), studentIds).execute();
  return new Map(rows.map((r) => [r.studentId, `${r.grade}${r.letter}`]));
}

/** A class by id. */
export function findClass(db: Db, classId: number) {
  return db
    .selectFrom('classes')
    .select(['id', 'schoolId', 'grade', 'letter'])
    .where('id', '=', classId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
}

/** Today's students of a class, in Russian name order. */
export function studentsOfClass(db: Db, classId: number) {
  const on = today();
  return db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('groups.classId', '=', classId)
    .where('groups.kind', '=', 'class')
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .where('persons.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}

/** Live staff of the schools with their roles there, in Russian name order. */
export function staffOfSchools(db: Db, schoolIds: readonly number[]) {
  return db
    .selectFrom('roleAssignments')
    .innerJoin('persons', 'persons.id', 'roleAssignments.personId')
    .select([
      'persons.id',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'roleAssignments.role',
    ])
    .where('roleAssignments.schoolId', 'in', orNone(schoolIds))
    .where('roleAssignments.role', 'in', [...schoolStaffRoles])
    .where('roleAssignments.revokedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}

/** Logins already taken that start with a stem (logins are unique across the installation). */
export async function loginsStartingWith(db: Db, stem: string): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('login').where('login', 'like', `${stem}%`).execute();
  return rows.map((r) => r.login);
}
