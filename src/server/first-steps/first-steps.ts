import { type FirstStepsView, firstStepKeys } from '../../contract/first-steps.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { stepChecks } from './first-steps.queries.ts';

/** The schools whose checklist the actor sees: those they administer (`school.settings.edit`). */
export function firstStepsSchools(ctx: Ctx): number[] {
  return reachOf(ctx.actor, 'school.settings.edit').schoolIds;
}

/**
 * The first-steps checklist of a school for its administrator: from the setup (done once the
 * school exists) to the first lesson recorded; the next step is the first one not taken.
 * 403 for anyone who administers no school, 404 for a school outside the person's.
 */
export async function firstSteps(
  ctx: Ctx,
  input: { schoolId?: number | undefined },
): Promise<FirstStepsView> {
  if (ctx.actor.kind !== 'person') throw forbidden();
  const schoolIds = firstStepsSchools(ctx);
  if (schoolIds.length === 0) throw forbidden();
  const schoolId = input.schoolId ?? schoolIds[0]!;
  if (!schoolIds.includes(schoolId)) throw notFound();
  const checks = stepChecks(ctx.db, schoolId, ctx.actor.personId);
  const done = await Promise.all(firstStepKeys.map((key) => (key === 'school' ? true : checks[key]())));
  const steps = firstStepKeys.map((key, i) => ({ key, done: done[i]! }));
  return {
    schoolId,
    steps,
    doneCount: steps.filter((s) => s.done).length,
    next: steps.find((s) => !s.done)?.key ?? null,
  };
}
