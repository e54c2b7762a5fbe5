import type { Action } from '../../domain/abilities.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';

async function reaches(ctx: Ctx, schoolId: number, action: Action): Promise<boolean> {
  const reach = reachOf(ctx.actor, action);
  if (reach.schoolIds.includes(schoolId)) return true;
  if (reach.districtIds.length === 0) return false;
  const school = await ctx.db
    .selectFrom('schools')
    .select('districtId')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  return school?.districtId != null && reach.districtIds.includes(school.districtId);
}

/** 404 when the actor cannot see the school's timetable, 403 when they see it but may not `action`. */
export async function requireSchool(ctx: Ctx, schoolId: number, action: Action): Promise<void> {
  if (!(await reaches(ctx, schoolId, 'timetable.view'))) throw notFound();
  if (action !== 'timetable.view' && !(await reaches(ctx, schoolId, action))) throw forbidden();
}

/** A class the actor may act on, with what the timetable needs of it. */
export async function requireClass(ctx: Ctx, classId: number, action: Action) {
  const cls = await ctx.db
    .selectFrom('classes')
    .select(['id', 'schoolId', 'academicYearId', 'grade', 'letter', 'daysPerWeek'])
    .where('id', '=', classId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!cls) throw notFound();
  await requireSchool(ctx, cls.schoolId, action);
  return cls;
}

/** The school where the actor may `action` (the first such school), or 403. */
export function actorSchool(ctx: Ctx, action: Action): number {
  const schoolId = reachOf(ctx.actor, action).schoolIds[0];
  if (schoolId === undefined) {
    if (reachOf(ctx.actor, 'timetable.view').schoolIds.length) throw forbidden();
    throw notFound();
  }
  return schoolId;
}

/** A validation error on one field whose message names what clashes (rendered with its params). */
export function fieldError(
  field: string,
  key: ConstructorParameters<typeof AppError>[1],
  params: Record<string, string | number> = {},
) {
  return new AppError('validation', key, params, { [field]: key });
}
