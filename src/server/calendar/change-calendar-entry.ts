import type { z } from 'zod';
import type { entryBody } from '../../contract/calendar.ts';
import { checkCalendarEntry } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { requireSchool } from './calendar.policy.ts';
import { entryById, yearById } from './calendar.queries.ts';
import { refuseEntryProblems } from './calendar.rules.ts';

async function requireEntry(ctx: Ctx, entryId: number) {
  const entry = await entryById(ctx.db, entryId);
  if (!entry) throw notFound();
  await requireSchool(ctx, entry.schoolId, true);
  const year = await yearById(ctx.db, entry.academicYearId);
  if (!year) throw notFound();
  const { schoolId: _, academicYearId: __, ...shown } = entry;
  return { entry: shown, year };
}

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

/** The administrator removes a calendar entry: not journal data, so it goes, with an audit record. */
export async function deleteCalendarEntry(ctx: Ctx, entryId: number): Promise<void> {
  const { entry, year } = await requireEntry(ctx, entryId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendarEntries').where('id', '=', entryId).execute();
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'calendar.entry_deleted',
      entity: 'calendarEntry',
      entityId: entryId,
      before: entry,
    });
  });
}
