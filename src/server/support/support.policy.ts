import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** Who uses help and support: the signed-in person and their school. */
export interface SupportActor {
  personId: number;
  schoolId: number;
  /** Whether they administer the school's support (contacts, reports). */
  manages: boolean;
}

/**
 * The actor's school for help and support: staff through their school grant, a parent or a
 * student through their own (`self`) one. The district and the system have no school here: 403.
 */
export function supportActor(ctx: Ctx): SupportActor {
  const { actor } = ctx;
  if (actor.kind !== 'person') throw notFound();
  const reach = reachOf(actor, 'support.use');
  const own = reach.relations.has('self')
    ? actor.grants.find((g) => g.schoolId !== null)?.schoolId
    : undefined;
  const schoolId = reach.schoolIds[0] ?? own ?? undefined;
  if (schoolId === undefined || schoolId === null) throw forbidden();
  const manages = reachOf(actor, 'support.manage').schoolIds.includes(schoolId);
  return { personId: actor.personId, schoolId, manages };
}

/** The actor's school, for what only its administrator does: 403 for everyone else. */
export function supportManager(ctx: Ctx): SupportActor {
  const who = supportActor(ctx);
  if (!who.manages) throw forbidden();
  return who;
}
