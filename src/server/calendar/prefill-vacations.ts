import { defaultVacations, rangesOverlap } from '../../domain/periods.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { requireSchool } from './calendar.policy.ts';
import { entriesOfYear, yearById } from './calendar.queries.ts';
import { lockCalendar } from './calendar.rules.ts';

/**
 * Adds the usual vacations of the year (autumn, winter, spring, summer, and February for grade 1)
 * except those that would overlap a vacation the school already has for the same grades.
 */
export async function prefillVacations(ctx: Ctx, yearId: number): Promise<{ added: number }> {
  const year = await yearById(ctx.db, yearId);
  if (!year) throw notFound();
  await requireSchool(ctx, year.schoolId, true);
  return ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, year.schoolId);
    const have = (await entriesOfYear(trx, yearId)).filter((e) => e.kind === 'vacation');
    const fresh = defaultVacations(year).filter(
      (v) => !have.some((e) => e.grade === v.grade && rangesOverlap(e, v)),
    );
    if (fresh.length === 0) return { added: 0 };
    await trx
      .insertInto('calendarEntries')
      .values(
        fresh.map((v) => ({
          ...v,
          kind: 'vacation' as const,
          schoolId: year.schoolId,
          academicYearId: yearId,
          asWeekday: null,
        })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'calendar.vacations_prefilled',
      entity: 'academicYear',
      entityId: yearId,
      after: fresh,
    });
    return { added: fresh.length };
  });
}
