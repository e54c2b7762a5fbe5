import type { Ctx } from '../access/actor.ts';
import { classScope, reachesAnything, reachOf, studentScope } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { schoolStaffRoles, staffRoleNames } from './credentials.queries.ts';

const orNone = (ids: readonly number[]) => (ids.length ? [...ids] : [-1]);

/** Whether the actor may issue credentials to anyone at all (staff or families). */
export function issuesAnything(ctx: Ctx): boolean {
  return (
    reachesAnything(reachOf(ctx.actor, 'staff.manage')) ||
    reachesAnything(reachOf(ctx.actor, 'credentials.family'))
  );
}

/**
 * Of the people, those whose accounts the actor may issue, reissue, switch off and on: staff of
 * the schools where the actor manages staff, and students and their current parents within
 * `credentials.family`. A person holding a staff role is never reached through a family: a class
 * teacher must not take over a colleague's account because the colleague is also a parent.
 */
export async function manageablePersons(ctx: Ctx, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (ids.length === 0 || ctx.actor.kind !== 'person') return out;
  const { db, actor } = ctx;
  const staffSchools = reachOf(actor, 'staff.manage').schoolIds;
  const staffRows = await db
    .selectFrom('roleAssignments')
    .select(['personId', 'role', 'schoolId'])
    .where('personId', 'in', orNone(ids))
    .where('role', 'in', [...staffRoleNames])
    .where('revokedAt', 'is', null)
    .execute();
  const staff = new Set(staffRows.map((r) => r.personId));
  for (const r of staffRows) {
    const schoolRole = (schoolStaffRoles as readonly string[]).includes(r.role);
    if (schoolRole && r.schoolId !== null && staffSchools.includes(r.schoolId)) out.add(r.personId);
  }
  if (reachesAnything(reachOf(actor, 'credentials.family'))) {
    const reachable = db
      .selectFrom('persons')
      .select('persons.id')
      .where((eb) => studentScope(eb, actor, 'credentials.family'))
      .where('persons.archivedAt', 'is', null);
    const students = await reachable.where('persons.id', 'in', orNone(ids)).execute();
    const guardians = await db
      .selectFrom('guardianships')
      .select('guardianships.guardianId')
      .where('guardianships.guardianId', 'in', orNone(ids))
      .where('guardianships.archivedAt', 'is', null)
      .where('guardianships.studentId', 'in', reachable)
      .execute();
    for (const id of [...students.map((s) => s.id), ...guardians.map((g) => g.guardianId)]) {
      if (!staff.has(id)) out.add(id);
    }
  }
  const live = await db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', orNone([...out]))
    .where('archivedAt', 'is', null)
    .execute();
  return new Set(live.map((p) => p.id));
}

/**
 * Lets the actor at the accounts of all these people, or at none: 403 when the actor issues
 * credentials to nobody, 404 when any person is outside their reach, 400 for their own account.
 */
export async function requireManageable(ctx: Ctx, ids: readonly number[]): Promise<void> {
  if (!issuesAnything(ctx)) throw forbidden();
  if (ctx.actor.kind === 'person' && ids.includes(ctx.actor.personId)) {
    throw new AppError('validation', 'credentialsOwnAccount', {}, { personIds: 'credentialsOwnAccount' });
  }
  const allowed = await manageablePersons(ctx, ids);
  if (ids.some((id) => !allowed.has(id))) throw notFound();
}

/** Lets the actor at a class's credentials: 404 outside the classes they see, 403 when only seen. */
export async function requireClassCredentials(ctx: Ctx, classId: number): Promise<void> {
  const reached = async (action: 'credentials.family' | 'class.view') =>
    ctx.db
      .selectFrom('classes')
      .select('classes.id')
      .where('classes.id', '=', classId)
      .where((eb) => classScope(eb, ctx.actor, action))
      .executeTakeFirst();
  if (await reached('credentials.family')) return;
  if (await reached('class.view')) throw forbidden();
  throw notFound();
}

/** The schools whose staff the actor manages; 403 when none. */
export function requireStaffSchools(ctx: Ctx): number[] {
  const schools = reachOf(ctx.actor, 'staff.manage').schoolIds;
  if (schools.length === 0) throw forbidden();
  return schools;
}
