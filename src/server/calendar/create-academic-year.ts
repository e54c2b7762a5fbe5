import type { z } from 'zod';
import type { yearBody } from '../../contract/calendar.ts';
import { rangesOverlap } from '../../domain/periods.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ownSchool } from './calendar.policy.ts';
import { yearsOfSchool } from './calendar.queries.ts';
import { invalidFields, lockCalendar } from './calendar.rules.ts';

/** The administrator opens an academic year: it starts before it ends and overlaps no other year. */
export async function createAcademicYear(ctx: Ctx, input: z.infer<typeof yearBody>) {
  const schoolId = ownSchool(ctx, true);
  if (input.endsOn <= input.startsOn) throw invalidFields([['endsOn', 'calendarEndsBeforeStart']]);
  return ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, schoolId);
    const others = await yearsOfSchool(trx, schoolId);
    if (others.some((y) => rangesOverlap(y, input)))
      throw invalidFields([['startsOn', 'calendarYearOverlap']]);
    const { id } = await trx
      .insertInto('academicYears')
      .values({ schoolId, ...input })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'calendar.year_created',
      entity: 'academicYear',
      entityId: id,
      after: input,
    });
    return { id, ...input };
  });
}
