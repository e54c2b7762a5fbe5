import type { Ctx } from '../access/actor.ts';
import { classScope, reachesAnything, reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** The school whose structure the actor manages (the administrator's); 403 for anyone else. */
export function managedSchool(ctx: Ctx): number {
  const schoolId = reachOf(ctx.actor, 'structure.manage').schoolIds[0];
  if (schoolId === undefined) throw forbidden();
  return schoolId;
}

/**
 * The school whose structure the actor may read: the asked one when it is in their reach (their
 * school, or a school of their district), else their own; 403 when they may read none, 404 for
 * a school outside their reach.
 */
export async function viewedSchool(ctx: Ctx, asked?: number): Promise<number> {
  const reach = reachOf(ctx.actor, 'structure.view');
  if (!reachesAnything(reach)) throw forbidden();
  if (asked === undefined) {
    const own = reach.schoolIds[0];
    if (own === undefined) throw forbidden();
    return own;
  }
  if (reach.schoolIds.includes(asked)) return asked;
  if (reach.districtIds.length) {
    const school = await ctx.db
      .selectFrom('schools')
      .select('id')
      .where('id', '=', asked)
      .where('districtId', 'in', reach.districtIds)
      .executeTakeFirst();
    if (school) return asked;
  }
  throw notFound();
}

/** Whether a row of a school is within the actor's structure management: 404 otherwise. */
export function requireManagedRow<T extends { schoolId: number }>(ctx: Ctx, row: T | undefined): T {
  if (!row || !reachOf(ctx.actor, 'structure.manage').schoolIds.includes(row.schoolId)) throw notFound();
  return row;
}

/**
 * Lets the actor at the groups of a class: 404 when they cannot see the class, 403 when they see
 * it (every teacher sees the school's classes) but may not manage its groups (not their class).
 */
export async function requireClassGroups(ctx: Ctx, classId: number): Promise<void> {
  const allowed = async (action: 'class.view' | 'groups.manage') =>
    !!(await ctx.db
      .selectFrom('classes')
      .select('id')
      .where('id', '=', classId)
      .where((eb) => classScope(eb, ctx.actor, action))
      .executeTakeFirst());
  if (!(await allowed('class.view'))) throw notFound();
  if (!(await allowed('groups.manage'))) throw forbidden();
}

/**
 * Lets the actor at a group for moving students: a class's groups as `requireClassGroups`; a
 * cross-class group only through school-wide `groups.manage` (404 outside the school, 403 inside).
 */
export async function requireGroup(
  ctx: Ctx,
  group: { schoolId: number; classId: number | null } | undefined,
): Promise<void> {
  if (!group) throw notFound();
  if (group.classId !== null) return requireClassGroups(ctx, group.classId);
  if (reachOf(ctx.actor, 'groups.manage').schoolIds.includes(group.schoolId)) return;
  if (reachOf(ctx.actor, 'class.view').schoolIds.includes(group.schoolId)) throw forbidden();
  throw notFound();
}

/** Whether the actor can manage groups of some class at all (a class teacher or an administrator). */
export function managesAnyGroups(ctx: Ctx): boolean {
  return reachesAnything(reachOf(ctx.actor, 'groups.manage'));
}
