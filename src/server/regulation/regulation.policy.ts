import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden } from '../http/app-error.ts';
import { requireSchoolAction } from '../people/people.policy.ts';

/** The school whose regulation the actor reads (administrator, director, deputy), or 403/404. */
export function requireRegulationReader(ctx: Ctx): number {
  return requireSchoolAction(ctx, 'regulation.view');
}

/** Whether the actor may edit and approve the school's regulation (its director). */
export function mayEditRegulation(ctx: Ctx, schoolId: number): boolean {
  return reachOf(ctx.actor, 'regulation.approve').schoolIds.includes(schoolId);
}

/** The school and person of the director editing the regulation; a reader who is not is refused with 403. */
export function requireRegulationEditor(ctx: Ctx): { schoolId: number; personId: number } {
  const schoolId = requireRegulationReader(ctx);
  if (ctx.actor.kind !== 'person' || !mayEditRegulation(ctx, schoolId)) throw forbidden();
  return { schoolId, personId: ctx.actor.personId };
}
