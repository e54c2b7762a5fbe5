import type { Ctx } from '../access/actor.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { isClassVisible, visibleClasses, visibleStudentsOfClass } from './structure.queries.ts';

/** The live classes the actor may see, by grade and letter, with their class teachers. */
export async function listClasses(ctx: Ctx) {
  if (!reachesAnything(reachOf(ctx.actor, 'class.view'))) throw forbidden();
  const rows = await visibleClasses(ctx.db, ctx.actor);
  return rows.map((r) => ({
    id: r.id,
    grade: r.grade,
    letter: r.letter,
    name: `${r.grade}${r.letter}`,
    classTeacher: r.lastName ? `${r.lastName} ${r.firstName} ${r.middleName}`.trim() : null,
  }));
}

/** Today's students of a class that the actor may see, in Russian alphabetical order. */
export async function listClassStudents(ctx: Ctx, classId: number) {
  if (!(await isClassVisible(ctx.db, ctx.actor, classId))) throw notFound();
  return visibleStudentsOfClass(ctx.db, ctx.actor, classId);
}
