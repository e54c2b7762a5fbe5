import type { z } from 'zod';
import type { entryBody } from '../../contract/calendar.ts';
import { checkCalendarEntry } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireEntry } from './calendar.policy.ts';
import { refuseEntryProblems } from './calendar.rules.ts';

/** The administrator corrects a calendar entry (its kind, name, dates, grade or weekday). */
export async function updateCalendarEntry(ctx: Ctx, entryId: number, input: z.infer<typeof entryBody>) {
  const { entry, year } = await requireEntry(ctx, entryId);
  refuseEntryProblems(checkCalendarEntry(input, year));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('calendarEntries').set(input).where('id', '=', entryId).execute();
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'calendar.entry_updated',
      entity: 'calendarEntry',
      entityId: entryId,
      before: entry,
      after: input,
    });
  });
  return { id: entryId, ...input };
}
