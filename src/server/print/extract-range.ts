import type { Ctx } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';

/**
 * The dates of an extract: a period of the student's school, a whole academic year, or from–to
 * within one academic year.
 */
export async function extractRange(
  ctx: Ctx,
  schoolId: number,
  q: { periodId?: number; yearId?: number; from?: string; to?: string },
): Promise<{
  from: string;
  to: string;
  label: string | null;
  academicYearId: number;
  field: 'periodId' | 'yearId' | 'from';
}> {
  if (q.periodId === undefined && q.yearId !== undefined) {
    const y = await ctx.db
      .selectFrom('academicYears')
      .select(['id', 'startsOn', 'endsOn', 'name'])
      .where('id', '=', q.yearId)
      .where('schoolId', '=', schoolId)
      .executeTakeFirst();
    if (!y) throw new AppError('validation', 'paperNoSuchYear', {}, { yearId: 'paperNoSuchYear' });
    return { from: y.startsOn, to: y.endsOn, label: y.name, academicYearId: y.id, field: 'yearId' };
  }
  if (q.periodId !== undefined) {
    const p = await ctx.db
      .selectFrom('periods')
      .select(['startsOn', 'endsOn', 'name', 'academicYearId'])
      .where('id', '=', q.periodId)
      .where('schoolId', '=', schoolId)
      .executeTakeFirst();
    if (!p) throw new AppError('validation', 'paperNoSuchPeriod', {}, { periodId: 'paperNoSuchPeriod' });
    return {
      from: p.startsOn,
      to: p.endsOn,
      label: p.name,
      academicYearId: p.academicYearId,
      field: 'periodId',
    };
  }
  if (!q.from || !q.to) {
    const field = q.from ? 'to' : 'from';
    throw new AppError('validation', 'paperRangeNeeded', {}, { [field]: 'paperRangeNeeded' });
  }
  if (q.to < q.from) throw new AppError('validation', 'paperRangeOrder', {}, { to: 'paperRangeOrder' });
  const year = await ctx.db
    .selectFrom('academicYears')
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('startsOn', '<=', q.from)
    .where('endsOn', '>=', q.to)
    .executeTakeFirst();
  if (!year) throw new AppError('validation', 'paperRangeTooLong', {}, { to: 'paperRangeTooLong' });
  return { from: q.from, to: q.to, label: null, academicYearId: year.id, field: 'from' };
}
