import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type BellInput, checkedBellSet, refuseTakenWeekdays, writeBellTimes } from './bell-set.rules.ts';
import { requireBellSet } from './calendar.policy.ts';
import { bellSetsOfSchool } from './calendar.queries.ts';
import { lockCalendar } from './calendar.rules.ts';

/** The administrator changes a bell set: its name, weekdays and every lesson's times. */
export async function updateBellSet(ctx: Ctx, id: number, raw: BellInput) {
  const schoolId = await requireBellSet(ctx, id);
  const input = checkedBellSet(raw);
  return ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, schoolId);
    await refuseTakenWeekdays(trx, schoolId, input, id);
    const before = (await bellSetsOfSchool(trx, schoolId)).find((s) => s.id === id);
    await trx
      .updateTable('bellSchedules')
      .set({ name: input.name, weekdays: JSON.stringify(input.weekdays) })
      .where('id', '=', id)
      .execute();
    await writeBellTimes(trx, schoolId, id, input);
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'calendar.bells_updated',
      entity: 'bellSchedule',
      entityId: id,
      before,
      after: input,
    });
    return { id, ...input };
  });
}
