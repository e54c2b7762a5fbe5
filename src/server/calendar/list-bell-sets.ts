import type { Ctx } from '../access/actor.ts';
import { canManageCalendar, ownSchool } from './calendar.policy.ts';
import { bellSetsOfSchool } from './calendar.queries.ts';

/** The bell sets of the actor's school. */
export async function listBellSets(ctx: Ctx) {
  const schoolId = ownSchool(ctx, false);
  return {
    bells: await bellSetsOfSchool(ctx.db, schoolId),
    can: { manage: canManageCalendar(ctx, schoolId) },
  };
}
