import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { publicHolidays } from '../seed/calendar.ts';
import { requireSchool } from './calendar.policy.ts';
import { entriesOfYear, yearById } from './calendar.queries.ts';
import { lockCalendar } from './calendar.rules.ts';

/** Adds the year's Russian public holidays (date-holidays) that the calendar does not have yet. */
export async function prefillPublicHolidays(ctx: Ctx, yearId: number): Promise<{ added: number }> {
  const year = await yearById(ctx.db, yearId);
  if (!year) throw notFound();
  await requireSchool(ctx, year.schoolId, true);
  const startYear = Number(year.startsOn.slice(0, 4));
  const wanted = publicHolidays({ startYear, name: year.name, startsOn: year.startsOn, endsOn: year.endsOn });
  return ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, year.schoolId);
    const have = new Set(
      (await entriesOfYear(trx, yearId)).filter((e) => e.kind === 'holiday').map((e) => e.startsOn),
    );
    const fresh = wanted.filter((h) => !have.has(h.startsOn));
    if (fresh.length === 0) return { added: 0 };
    await trx
      .insertInto('calendarEntries')
      .values(fresh.map((h) => ({ ...h, schoolId: year.schoolId, academicYearId: yearId, asWeekday: null })))
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'calendar.holidays_prefilled',
      entity: 'academicYear',
      entityId: yearId,
      after: fresh.map((h) => ({ name: h.name, date: h.startsOn })),
    });
    return { added: fresh.length };
  });
}
