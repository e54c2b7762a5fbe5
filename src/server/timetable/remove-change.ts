import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import type { GenerationReport } from './generate-lessons.ts';
import { requireSchool } from './timetable.policy.ts';
import { reapply } from './timetable-changes.ts';

/**
 * Withdraws a dated change (a substitution made by mistake, a cancellation called off) and brings
 * the lessons of its dates back in line with the timetable, in one audited transaction.
 */
export async function removeChange(ctx: Ctx, changeId: number): Promise<GenerationReport> {
  const change = await ctx.db
    .selectFrom('timetableChanges')
    .innerJoin('courses', 'courses.id', 'timetableChanges.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .selectAll('timetableChanges')
    .select(['courses.academicYearId', 'groups.classId'])
    .where('timetableChanges.id', '=', changeId)
    .executeTakeFirst();
  if (!change) throw notFound();
  await requireSchool(ctx, change.schoolId, 'timetable.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('timetableChanges').where('id', '=', changeId).execute();
    const dates = [change.date, ...(change.movedToDate ? [change.movedToDate] : [])];
    const report = await reapply(trx, change, dates);
    const { academicYearId: _year, classId: _class, ...before } = change;
    await recordAudit(trx, ctx, {
      schoolId: change.schoolId,
      action: 'timetable.change_removed',
      entity: 'timetableChange',
      entityId: changeId,
      before,
      after: { report: { ...report, conflicts: report.conflicts.length } },
    });
    return report;
  });
}
