import type { ClassCredentials, StaffCredentials } from '../../contract/credentials.ts';
import type { Role } from '../../domain/roles.ts';
import type { Ctx } from '../access/actor.ts';
import { notFound } from '../http/app-error.ts';
import { hasConsent } from '../people/consent.queries.ts';
import { manageablePersons, requireClassCredentials, requireStaffSchools } from './credentials.policy.ts';
import { accountSummaryOf, fullName } from './credentials.present.ts';
import {
  accountsOf,
  findClass,
  guardianshipsOf,
  staffOfSchools,
  studentsOfClass,
} from './credentials.queries.ts';

/** A class's students (with consent) and their parents, each with their account and what the actor may do. */
export async function listClassCredentials(ctx: Ctx, classId: number): Promise<ClassCredentials> {
  await requireClassCredentials(ctx, classId);
  const cls = await findClass(ctx.db, classId);
  if (!cls) throw notFound();
  const students = await studentsOfClass(ctx.db, classId);
  const studentIds = students.map((s) => s.id);
  const [consent, guardianships] = await Promise.all([
    hasConsent(ctx.db, studentIds),
    guardianshipsOf(ctx.db, { studentIds }),
  ]);
  const parentIds = [...new Set(guardianships.map((g) => g.guardianId))];
  const everyone = [...studentIds, ...parentIds];
  const [accounts, manageable] = await Promise.all([
    accountsOf(ctx.db, everyone),
    manageablePersons(ctx, everyone),
  ]);
  const accountOf = new Map(accounts.map((a) => [a.personId, a]));
  const person = (id: number, name: string) => ({
    personId: id,
    name,
    account: accountSummaryOf(accountOf.get(id)),
    canManage: manageable.has(id),
  });
  return {
    classId,
    className: `${cls.grade}${cls.letter}`,
    students: students.map((s) => ({ ...person(s.id, fullName(s)), consent: consent.has(s.id) })),
    parents: parentIds.map((id) => {
      const own = guardianships.filter((g) => g.guardianId === id);
      const first = own[0];
      return {
        ...person(id, first ? fullName(first) : ''),
        children: own.map((g) => ({
          studentId: g.studentId,
          name: `${g.studentLastName} ${g.studentFirstName}`,
          kind: g.kind,
        })),
      };
    }),
  };
}

/** The staff of the schools whose staff the actor manages, with their roles and accounts. */
export async function listStaffCredentials(ctx: Ctx): Promise<StaffCredentials> {
  const schools = requireStaffSchools(ctx);
  const rows = await staffOfSchools(ctx.db, schools);
  const ids = [...new Set(rows.map((r) => r.id))];
  const [accounts, manageable] = await Promise.all([accountsOf(ctx.db, ids), manageablePersons(ctx, ids)]);
  const accountOf = new Map(accounts.map((a) => [a.personId, a]));
  return {
    staff: ids.map((id) => {
      const own = rows.filter((r) => r.id === id);
      const first = own[0];
      return {
        personId: id,
        name: first ? fullName(first) : '',
        roles: [...new Set(own.map((r) => r.role as Role))],
        account: accountSummaryOf(accountOf.get(id)),
        canManage: manageable.has(id) && !(ctx.actor.kind === 'person' && ctx.actor.personId === id),
      };
    }),
  };
}
