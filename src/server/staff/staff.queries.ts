import { type StaffRole, staffRoles } from '../../contract/staff.ts';
import type { Db } from '../access/actor.ts';

/** The school's staff (anyone holding a staff role), in Russian order. */
export async function staffOf(db: Db, schoolId: number, personIds?: number[]) {
  let query = db
    .selectFrom('persons')
    .select(['persons.id', 'lastName', 'firstName', 'middleName', 'phone', 'email', 'archivedAt'])
    .where('persons.schoolId', '=', schoolId)
    .where('persons.id', 'in', (eb) =>
      eb
        .selectFrom('roleAssignments')
        .select('personId')
        .where('role', 'in', [...staffRoles])
        .where('revokedAt', 'is', null),
    )
    .orderBy('persons.sortKey')
    .orderBy('persons.id');
  if (personIds) query = query.where('persons.id', 'in', personIds.length ? personIds : [-1]);
  return query.execute();
}

/** Each person's live staff roles (with the row ids, to revoke them). */
export async function staffRolesOf(db: Db, schoolId: number, personIds: number[]) {
  const out = new Map<number, { id: number; role: StaffRole }[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('roleAssignments')
    .select(['id', 'personId', 'role'])
    .where('personId', 'in', personIds)
    .where('schoolId', '=', schoolId)
    .where('role', 'in', [...staffRoles])
    .where('revokedAt', 'is', null)
    .execute();
  for (const r of rows) out.get(r.personId)?.push({ id: r.id, role: r.role as StaffRole });
  for (const list of out.values())
    list.sort((a, b) => staffRoles.indexOf(a.role) - staffRoles.indexOf(b.role));
  return out;
}

/** Each person's login, if they have one. */
export async function loginsOf(db: Db, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('accounts')
    .select(['personId', 'login'])
    .where('personId', 'in', personIds)
    .execute();
  return new Map(rows.map((r) => [r.personId, r.login]));
}
