import type { Db } from '../access/actor.ts';
import { currentClasses } from '../access/relationships.queries.ts';

/** A student's own row with today's class. */
export function findStudent(db: Db, studentId: number) {
  return db
    .selectFrom('persons')
    .leftJoin(currentClasses(db, undefined, [studentId]).as('cc'), 'cc.studentId', 'persons.id')
    .select([
      'persons.id',
      'persons.schoolId',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.birthDate',
      'persons.phone',
      'persons.email',
      'cc.grade',
      'cc.letter',
    ])
    .where('persons.id', '=', studentId)
    .executeTakeFirstOrThrow();
}

/** A student's live guardians in Russian name order. */
export function guardiansOf(db: Db, studentId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
    .select([
      'persons.id',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.phone',
      'persons.email',
      'guardianships.kind',
    ])
    .where('guardianships.studentId', '=', studentId)
    .where('guardianships.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .execute();
}

/** A student's contact data and school, as they are before a change. */
export function contactsOf(db: Db, personId: number) {
  return db
    .selectFrom('persons')
    .select(['schoolId', 'phone', 'email'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}

/** Writes a person's contact data. */
export async function setContacts(
  db: Db,
  personId: number,
  change: { phone?: string | null; email?: string | null },
) {
  await db.updateTable('persons').set(change).where('id', '=', personId).execute();
}
