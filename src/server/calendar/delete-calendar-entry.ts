import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireEntry } from './calendar.policy.ts';

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
