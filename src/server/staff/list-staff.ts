import type { StaffItem } from '../../contract/staff.ts';
import type { Ctx } from '../access/actor.ts';
import { requireSchoolAction } from '../people/people.policy.ts';
import { accountStatusOf } from '../people/people.queries.ts';
import { loginsOf, staffOf, staffRolesOf } from './staff.queries.ts';

/** The school's staff with roles and account status («Люди и доступы»); archived ones last. */
export async function listStaff(ctx: Ctx, only?: number): Promise<StaffItem[]> {
  const schoolId = requireSchoolAction(ctx, 'staff.manage');
  const people = await staffOf(ctx.db, schoolId, only === undefined ? undefined : [only]);
  const ids = people.map((p) => p.id);
  const [roles, accounts, logins] = await Promise.all([
    staffRolesOf(ctx.db, schoolId, ids),
    accountStatusOf(ctx.db, ids),
    loginsOf(ctx.db, ids),
  ]);
  const items = people.map((p) => ({
    id: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    roles: (roles.get(p.id) ?? []).map((r) => r.role),
    phone: p.phone,
    email: p.email,
    login: logins.get(p.id) ?? null,
    account: accounts.get(p.id) ?? 'none',
    archived: p.archivedAt !== null,
  }));
  return [...items.filter((i) => !i.archived), ...items.filter((i) => i.archived)];
}
