import type { Ctx } from '../access/actor.ts';
import { canManageCalendar, ownSchool } from './calendar.policy.ts';
import { yearsOfSchool } from './calendar.queries.ts';

/** The academic years of the actor's school, latest first. */
export async function listYears(ctx: Ctx) {
  const schoolId = ownSchool(ctx, false);
  return { years: await yearsOfSchool(ctx.db, schoolId), can: { manage: canManageCalendar(ctx, schoolId) } };
}
