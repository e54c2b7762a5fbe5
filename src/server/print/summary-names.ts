import type { Ctx } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';

/** A period of the class's year, else a 400 naming `periodId`; absent: the whole year (null). */
export async function classPeriod(
  ctx: Ctx,
  cls: { schoolId: number; academicYearId: number },
  periodId: number | undefined,
): Promise<number | null> {
  if (periodId === undefined) return null;
  const p = await ctx.db
    .selectFrom('periods')
    .select('id')
    .where('id', '=', periodId)
    .where('schoolId', '=', cls.schoolId)
    .where('academicYearId', '=', cls.academicYearId)
    .executeTakeFirst();
  if (!p) throw new AppError('validation', 'paperNoSuchPeriod', {}, { periodId: 'paperNoSuchPeriod' });
  return p.id;
}

/** «Журнал 5А 2026-2027.xlsx», «Сводная ведомость 5А 2026-2027.pdf» (English twins with Accept-Language: en). */
export async function paperFileName(
  ctx: Ctx,
  cls: { academicYearId: number; grade: number; letter: string },
  kind: 'journal' | 'summary',
  ext: 'xlsx' | 'pdf',
): Promise<string> {
  const year = await ctx.db
    .selectFrom('academicYears')
    .select('name')
    .where('id', '=', cls.academicYearId)
    .executeTakeFirst();
  const ru = ctx.request.lang === 'ru';
  const word = kind === 'journal' ? (ru ? 'Журнал' : 'Journal') : ru ? 'Сводная ведомость' : 'Summary';
  return `${word} ${cls.grade}${cls.letter} ${(year?.name ?? '').replace(/\//g, '-')}.${ext}`;
}
