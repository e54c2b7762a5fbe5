import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireBellSet } from './calendar.policy.ts';
import { bellSetsOfSchool } from './calendar.queries.ts';

/** The administrator removes a bell set (lessons keep their numbers; only the times go). */
export async function deleteBellSet(ctx: Ctx, id: number): Promise<void> {
  const schoolId = await requireBellSet(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await bellSetsOfSchool(trx, schoolId)).find((s) => s.id === id);
    await trx.deleteFrom('bellTimes').where('bellScheduleId', '=', id).execute();
    await trx.deleteFrom('bellSchedules').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'calendar.bells_deleted',
      entity: 'bellSchedule',
      entityId: id,
      before,
    });
  });
}
