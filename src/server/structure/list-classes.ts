import type { Ctx } from '../access/actor.ts';
import { currentClasses } from '../access/relationships.queries.ts';
import { classScope, reachesAnything, reachOf, studentScope } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** The live classes the actor may see, by grade and letter, with their class teachers. */
export async function listClasses(ctx: Ctx) {
  if (!reachesAnything(reachOf(ctx.actor, 'class.view'))) throw forbidden();
  const rows = await ctx.db
    .selectFrom('classes')
    .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select([
      'classes.id',
      'classes.grade',
      'classes.letter',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where((eb) => classScope(eb, ctx.actor, 'class.view'))
    .where('classes.archivedAt', 'is', null)
    .orderBy('classes.schoolId')
    .orderBy('classes.grade')
    .orderBy('classes.letter')
    .execute();
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
  const visible = await ctx.db
    .selectFrom('classes')
    .select('id')
    .where('id', '=', classId)
    .where((eb) => classScope(eb, ctx.actor, 'class.view'))
    .executeTakeFirst();
  if (!visible) throw notFound();
  return ctx.db
    .selectFrom(currentClasses(ctx.db).as('cc'))
    .innerJoin('persons', 'persons.id', 'cc.studentId')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('cc.classId', '=', classId)
    .where('persons.archivedAt', 'is', null)
    .where((eb) => studentScope(eb, ctx.actor, 'student.view'))
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}
