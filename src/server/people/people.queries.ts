import type { AccountStatus } from '../../contract/people.ts';
import type { Db } from '../access/actor.ts';
import { currentClasses } from '../access/relationships.queries.ts';

/** A student's own row with the personal file and today's class. */
export function findStudent(db: Db, studentId: number) {
  return db
    .selectFrom('persons')
    .leftJoin(currentClasses(db, undefined, [studentId]).as('cc'), 'cc.studentId', 'persons.id')
    .leftJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
    .select([
      'persons.id',
      'persons.schoolId',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.birthDate',
      'persons.sex',
      'persons.address',
      'persons.phone',
      'persons.email',
      'cc.classId',
      'cc.grade',
      'cc.letter',
      'studentProfiles.personId as profileId',
      'studentProfiles.fileNumber',
      'studentProfiles.healthGroup',
      'studentProfiles.peGroup',
      'studentProfiles.arrivedOn',
      'studentProfiles.arrivalOrder',
      'studentProfiles.departedOn',
      'studentProfiles.departureOrder',
    ])
    .where('persons.id', '=', studentId)
    .executeTakeFirstOrThrow();
}
/** A student row as `findStudent` reads it. */
export type StudentRow = Awaited<ReturnType<typeof findStudent>>;

/** The live guardians of some students in Russian name order, with the student each belongs to. */
export function guardiansOf(db: Db, studentIds: readonly number[]) {
  return db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
    .select([
      'persons.id',
      'guardianships.studentId',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.phone',
      'persons.extraPhone',
      'persons.email',
      'persons.workplace',
      'guardianships.kind',
    ])
    .where('guardianships.studentId', 'in', studentIds.length ? [...studentIds] : [-1])
    .where('guardianships.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}
/** A guardian row as `guardiansOf` reads it. */
export type GuardianRow = Awaited<ReturnType<typeof guardiansOf>>[number];

/** Each person's account status (none when they have no login). */
export async function accountStatusOf(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, AccountStatus>> {
  const out = new Map<number, AccountStatus>(personIds.map((id) => [id, 'none']));
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('accounts')
    .select(['personId', 'passwordChangedAt', 'disabledAt'])
    .where('personId', 'in', [...personIds])
    .orderBy('id')
    .execute();
  for (const r of rows)
    out.set(r.personId, r.disabledAt ? 'disabled' : r.passwordChangedAt ? 'active' : 'issued');
  return out;
}

/** Disables the person's accounts and ends their sessions; returns the accounts it disabled. */
export async function disableAccountsOf(db: Db, personId: number, at: string): Promise<number[]> {
  const accounts = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', personId)
    .where('disabledAt', 'is', null)
    .execute();
  const ids = accounts.map((a) => a.id);
  if (ids.length === 0) return [];
  await db.updateTable('accounts').set({ disabledAt: at }).where('id', 'in', ids).execute();
  await db
    .updateTable('sessions')
    .set({ endedAt: at, endReason: 'disabled' })
    .where('accountId', 'in', ids)
    .where('endedAt', 'is', null)
    .execute();
  return ids;
}

/** Whether the actor is the student or one of their live guardians. */
export async function isFamilyOf(db: Db, personId: number, studentId: number): Promise<boolean> {
  if (personId === studentId) return true;
  const row = await db
    .selectFrom('guardianships')
    .select('id')
    .where('guardianId', '=', personId)
    .where('studentId', '=', studentId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether another student of the school already has this personal file number. */
export async function fileNumberTaken(db: Db, schoolId: number, fileNumber: string, exceptId: number | null) {
  let query = db
    .selectFrom('studentProfiles')
    .select('personId')
    .where('schoolId', '=', schoolId)
    .where('fileNumber', '=', fileNumber);
  if (exceptId !== null) query = query.where('personId', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
