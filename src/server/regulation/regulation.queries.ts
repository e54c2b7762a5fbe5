import type { Db } from '../access/actor.ts';

/** The school's draft (the row not yet approved), if any. */
export function draftOf(db: Db, schoolId: number) {
  return db
    .selectFrom('regulationVersions')
    .select(['id', 'overrides', 'editedAt'])
    .where('schoolId', '=', schoolId)
    .where('approvedAt', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The school's approved versions, newest first, with the approver's name. */
export function approvedVersions(db: Db, schoolId: number) {
  return db
    .selectFrom('regulationVersions as v')
    .innerJoin('persons as p', 'p.id', 'v.approvedBy')
    .select(['v.id', 'v.approvedAt', 'p.lastName', 'p.firstName', 'p.middleName'])
    .where('v.schoolId', '=', schoolId)
    .where('v.approvedAt', 'is not', null)
    .orderBy('v.approvedAt', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

/** One approved version of the school, with its text, settings and approver. */
export function approvedVersion(db: Db, schoolId: number, id: number) {
  return db
    .selectFrom('regulationVersions as v')
    .innerJoin('persons as p', 'p.id', 'v.approvedBy')
    .select([
      'v.id',
      'v.overrides',
      'v.sections',
      'v.settings',
      'v.approvedAt',
      'p.lastName',
      'p.firstName',
      'p.middleName',
    ])
    .where('v.schoolId', '=', schoolId)
    .where('v.id', '=', id)
    .where('v.approvedAt', 'is not', null)
    .executeTakeFirst();
}
