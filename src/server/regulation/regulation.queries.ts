import type { Db } from '../access/actor.ts';

/**
 * The school's draft (the row not yet approved), or, when there is none, the wording of the latest
 * approved version with no id: a new draft starts from what was approved.
 */
export async function draftOf(
  db: Db,
  schoolId: number,
): Promise<{ id: number | undefined; overrides: string; editedAt: string | null } | undefined> {
  const rows = await db
    .selectFrom('regulationVersions')
    .select(['id', 'overrides', 'editedAt', 'approvedAt'])
    .where('schoolId', '=', schoolId)
    .orderBy('id', 'desc')
    .execute();
  const draft = rows.find((r) => r.approvedAt === null);
  if (draft) return { id: draft.id, overrides: draft.overrides, editedAt: draft.editedAt };
  const approved = rows[0];
  return approved ? { id: undefined, overrides: approved.overrides, editedAt: null } : undefined;
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
