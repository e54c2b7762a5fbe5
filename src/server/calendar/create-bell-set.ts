import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type BellInput, checkedBellSet, refuseTakenWeekdays, writeBellTimes } from './bell-set.rules.ts';
import { ownSchool } from './calendar.policy.ts';
import { lockCalendar } from './calendar.rules.ts';

/** The administrator adds a named bell set («Основное», «Суббота») with its weekdays and times. */
export async function createBellSet(ctx: Ctx, raw: BellInput) {
  const schoolId = ownSchool(ctx, true);
  const input = checkedBellSet(raw);
  return ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, schoolId);
    await refuseTakenWeekdays(trx, schoolId, input, null);
    const { id } = await trx
      .insertInto('bellSchedules')
      .values({ schoolId, name: input.name, weekdays: JSON.stringify(input.weekdays) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeBellTimes(trx, schoolId, id, input);
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'calendar.bells_created',
      entity: 'bellSchedule',
      entityId: id,
      after: input,
    });
    return { id, ...input };
  });
}
