import type { z } from 'zod';
import type { entryBody } from '../../contract/calendar.ts';
import { checkCalendarEntry } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { requireSchool } from './calendar.policy.ts';
import { yearById } from './calendar.queries.ts';
import { refuseEntryProblems } from './calendar.rules.ts';

/** The administrator adds a vacation, a public holiday or a working-day transfer to a year. */
export async function addCalendarEntry(ctx: Ctx, yearId: number, input: z.infer<typeof entryBody>) {
  const year = await yearById(ctx.db, yearId);
  if (!year) throw notFound();
  await requireSchool(ctx, year.schoolId, true);
  refuseEntryProblems(checkCalendarEntry(input, year));
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('calendarEntries')
      .values({ schoolId: year.schoolId, academicYearId: yearId, ...input })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'calendar.entry_added',
      entity: 'calendarEntry',
      entityId: id,
      after: input,
    });
    return { id, ...input };
  });
}
