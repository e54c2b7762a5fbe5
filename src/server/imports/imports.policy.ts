import type { Ctx } from '../access/actor.ts';
import { classScope, reachesAnything, reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** The class a file is imported into. */
export interface ImportTarget {
  schoolId: number;
  classId: number;
}

/**
 * Lets the actor import into a class: 403 for those who may import nowhere (parents, students,
 * subject teachers) or into a class they can see but do not lead; 404 for a class they cannot see.
 */
export async function requireImportClass(ctx: Ctx, classId: number): Promise<ImportTarget> {
  if (!reachesAnything(reachOf(ctx.actor, 'student.import'))) throw forbidden();
  const visible = await ctx.db
    .selectFrom('classes')
    .select(['classes.id', 'classes.schoolId'])
    .where('classes.id', '=', classId)
    .where('classes.archivedAt', 'is', null)
    .where((eb) => classScope(eb, ctx.actor, 'class.view'))
    .executeTakeFirst();
  if (!visible) throw notFound();
  const allowed = await ctx.db
    .selectFrom('classes')
    .select('classes.id')
    .where('classes.id', '=', classId)
    .where((eb) => classScope(eb, ctx.actor, 'student.import'))
    .executeTakeFirst();
  if (!allowed) throw forbidden();
  return { schoolId: visible.schoolId, classId };
}
