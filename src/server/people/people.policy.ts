import type { Action } from '../../domain/abilities.ts';
import type { Ctx } from '../access/actor.ts';
import { classScope, reachOf, studentScope } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** Of the given students, those the actor may act on with `action` (one query for all). */
export async function allowedStudents(ctx: Ctx, action: Action, studentIds: number[]): Promise<Set<number>> {
  if (studentIds.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', 'in', studentIds)
    .where((eb) => studentScope(eb, ctx.actor, action))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Lets the actor at a student: 404 when the student is outside what they may see, 403 when they
 * may see the student but not do `action`.
 */
export async function requireStudent(ctx: Ctx, studentId: number, action: Action): Promise<void> {
  const visible = await allowedStudents(ctx, 'student.view', [studentId]);
  if (!visible.has(studentId)) throw notFound();
  if (action !== 'student.view' && !(await allowedStudents(ctx, action, [studentId])).has(studentId))
    throw forbidden();
}

/** The classes (of the given ones) the actor may act on with `action`. */
async function allowedClasses(ctx: Ctx, action: Action, classIds: number[]): Promise<Set<number>> {
  const rows = await ctx.db
    .selectFrom('classes')
    .select(['classes.id'])
    .where('classes.id', 'in', classIds)
    .where((eb) => classScope(eb, ctx.actor, action))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Lets the actor at a class's people: 404 when the class is outside what they may see, 403 when
 * they see it but may not do `action` there. Returns the class's school.
 */
export async function requireClass(ctx: Ctx, classId: number, action: Action): Promise<number> {
  if (!(await allowedClasses(ctx, 'class.view', [classId])).has(classId)) throw notFound();
  if (!(await allowedClasses(ctx, action, [classId])).has(classId)) throw forbidden();
  const row = await ctx.db
    .selectFrom('classes')
    .select('schoolId')
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
  return row.schoolId;
}

/** Lets the actor change a live guardian of a student they may edit (404 for anyone else's). */
export async function requireGuardianship(ctx: Ctx, studentId: number, guardianId: number) {
  await requireStudent(ctx, studentId, 'student.edit');
  const link = await ctx.db
    .selectFrom('guardianships')
    .select(['id', 'schoolId', 'kind'])
    .where('studentId', '=', studentId)
    .where('guardianId', '=', guardianId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!link) throw notFound();
  return link;
}

/** The one school the actor administers with `action` (staff, settings), or 403/404. */
export function requireSchoolAction(ctx: Ctx, action: Action): number {
  const reach = reachOf(ctx.actor, action);
  const schoolId = reach.schoolIds[0];
  if (schoolId === undefined) throw ctx.actor.kind === 'person' ? forbidden() : notFound();
  return schoolId;
}
