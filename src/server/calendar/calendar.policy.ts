import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { entryById, yearById } from './calendar.queries.ts';

/** Whether the actor keeps the calendar of the school (administrator). */
export function canManageCalendar(ctx: Ctx, schoolId: number): boolean {
  return reachOf(ctx.actor, 'calendar.manage').schoolIds.includes(schoolId);
}

/** The school whose calendar the actor works with: 403 for people who see no school's structure. */
export function ownSchool(ctx: Ctx, manage: boolean): number {
  const schoolId = reachOf(ctx.actor, 'structure.view').schoolIds[0];
  if (schoolId === undefined) throw new AppError('forbidden', 'calendarNoSchool');
  if (manage && !canManageCalendar(ctx, schoolId)) throw forbidden();
  return schoolId;
}

/**
 * Lets the actor at something of a school: 404 when the school's structure is out of their sight
 * (another school, another district), 403 when they see it but `manage` is asked and not granted.
 */
export async function requireSchool(ctx: Ctx, schoolId: number, manage: boolean): Promise<void> {
  const reach = reachOf(ctx.actor, 'structure.view');
  let visible = reach.schoolIds.includes(schoolId);
  if (!visible && reach.districtIds.length) {
    const row = await ctx.db
      .selectFrom('schools')
      .select('id')
      .where('id', '=', schoolId)
      .where('districtId', 'in', reach.districtIds)
      .executeTakeFirst();
    visible = !!row;
  }
  if (!visible) throw notFound();
  if (manage && !canManageCalendar(ctx, schoolId)) throw forbidden();
}

/** A calendar entry the actor may change, with its year: 404 outside their school, 403 without the right. */
export async function requireEntry(ctx: Ctx, entryId: number) {
  const entry = await entryById(ctx.db, entryId);
  if (!entry) throw notFound();
  await requireSchool(ctx, entry.schoolId, true);
  const year = await yearById(ctx.db, entry.academicYearId);
  if (!year) throw notFound();
  const { schoolId: _, academicYearId: __, ...shown } = entry;
  return { entry: shown, year };
}

/** The school of a bell set the actor may change: 404 outside their school, 403 without the right. */
export async function requireBellSet(ctx: Ctx, id: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('bellSchedules')
    .select('schoolId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  await requireSchool(ctx, row.schoolId, true);
  return row.schoolId;
}
