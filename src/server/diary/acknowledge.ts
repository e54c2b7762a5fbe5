import { weekdayOf } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { fieldError } from '../control/control.policy.ts';
import { actorId, requireGuardianOf } from './diary.policy.ts';

/**
 * A parent's «ознакомлен» for a week of the child's diary: the week must have begun and is named
 * by its Monday. Saying it twice keeps the first time.
 */
export async function acknowledgeWeek(
  ctx: Ctx,
  studentId: number,
  weekStart: string,
): Promise<{ weekStart: string; at: string }> {
  const student = await requireGuardianOf(ctx, studentId, 'diary.acknowledge');
  if (weekdayOf(weekStart) !== 1) throw fieldError('weekStart', 'diaryWeekNotMonday');
  if (weekStart > today()) throw fieldError('weekStart', 'diaryWeekInFuture');
  const me = actorId(ctx);
  const existing = () =>
    ctx.db
      .selectFrom('weekAcknowledgements')
      .select('at')
      .where('studentId', '=', studentId)
      .where('weekStart', '=', weekStart)
      .where('guardianId', '=', me)
      .executeTakeFirst();
  const before = await existing();
  if (before) return { weekStart, at: before.at };
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const row = await trx
        .insertInto('weekAcknowledgements')
        .values({ schoolId: student.schoolId, studentId, guardianId: me, weekStart, at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        schoolId: student.schoolId,
        action: 'diary.week.acknowledge',
        entity: 'weekAcknowledgement',
        entityId: row.id,
        studentId,
        after: { studentId, weekStart },
      });
      return { weekStart, at };
    });
  } catch (error) {
    // Two taps at once: the unique index keeps one; answer with it.
    const raced = await existing();
    if (raced) return { weekStart, at: raced.at };
    throw error;
  }
}
