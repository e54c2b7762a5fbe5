import type { Action } from '../../domain/abilities.ts';
import type { Ctx } from '../access/actor.ts';
import { studentScope } from '../access/scopes.ts';
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
