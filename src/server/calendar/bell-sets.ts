import type { z } from 'zod';
import type { bellBody } from '../../contract/calendar.ts';
import { checkBellTimes } from '../../domain/periods.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { canManageCalendar, ownSchool, requireSchool } from './calendar.policy.ts';
import { bellSetsOfSchool } from './calendar.queries.ts';
import { invalidFields, refuseBellProblems } from './calendar.rules.ts';

type BellInput = z.infer<typeof bellBody>;

/** The bell sets of the actor's school. */
export async function listBellSets(ctx: Ctx) {
  const schoolId = ownSchool(ctx, false);
  return {
    bells: await bellSetsOfSchool(ctx.db, schoolId),
    can: { manage: canManageCalendar(ctx, schoolId) },
  };
}

async function requireBellSet(ctx: Ctx, id: number) {
  const row = await ctx.db
    .selectFrom('bellSchedules')
    .select('schoolId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  await requireSchool(ctx, row.schoolId, true);
  return row.schoolId;
}

/** Checks the times and that no weekday of the set belongs to another set of the school. */
async function checkSet(trx: Db, schoolId: number, input: BellInput, exceptId: number | null) {
  refuseBellProblems(checkBellTimes(input.times));
  const others = (await bellSetsOfSchool(trx, schoolId)).filter((s) => s.id !== exceptId);
  const taken = new Set(others.flatMap((s) => s.weekdays));
  if (input.weekdays.some((d) => taken.has(d))) throw invalidFields([['weekdays', 'calendarWeekdayTaken']]);
  return others.length;
}

async function writeTimes(trx: Db, schoolId: number, setId: number, input: BellInput) {
  await trx.deleteFrom('bellTimes').where('bellScheduleId', '=', setId).execute();
  await trx
    .insertInto('bellTimes')
    .values(input.times.map((t) => ({ schoolId, bellScheduleId: setId, ...t })))
    .execute();
}

const normalized = (input: BellInput): BellInput => ({
  ...input,
  weekdays: [...new Set(input.weekdays)].sort((a, b) => a - b),
  times: [...input.times].sort((a, b) => a.lessonNumber - b.lessonNumber),
});

/** The administrator adds a named bell set («Основное», «Суббота») with its weekdays and times. */
export async function createBellSet(ctx: Ctx, raw: BellInput) {
  const schoolId = ownSchool(ctx, true);
  const input = normalized(raw);
  return ctx.db.transaction().execute(async (trx) => {
    await checkSet(trx, schoolId, input, null);
    const { id } = await trx
      .insertInto('bellSchedules')
      .values({ schoolId, name: input.name, weekdays: JSON.stringify(input.weekdays) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTimes(trx, schoolId, id, input);
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

/** The administrator changes a bell set: its name, weekdays and every lesson's times. */
export async function updateBellSet(ctx: Ctx, id: number, raw: BellInput) {
  const schoolId = await requireBellSet(ctx, id);
  const input = normalized(raw);
  return ctx.db.transaction().execute(async (trx) => {
    await checkSet(trx, schoolId, input, id);
    const before = (await bellSetsOfSchool(trx, schoolId)).find((s) => s.id === id);
    await trx
      .updateTable('bellSchedules')
      .set({ name: input.name, weekdays: JSON.stringify(input.weekdays) })
      .where('id', '=', id)
      .execute();
    await writeTimes(trx, schoolId, id, input);
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
