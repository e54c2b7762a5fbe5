import type { z } from 'zod';
import type { planFillBody, planFilled } from '../../contract/lessons.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { classesOfGroup, closedOn, lockClassesForWrite } from '../journal/journal.policy.ts';
import { requirePlanEdit } from './get-plan.ts';
import { lockPlan } from './plan-items.ts';

/** What filling did. */
export type PlanFilled = z.infer<typeof planFilled>;

/** The lessons a topic of so many hours fills: one per hour, at least one (1,5 hours: two). */
export function lessonsOfHours(hours: number): number {
  return Math.max(1, Math.round(hours));
}

/**
 * Puts the КТП topics into the course's lessons that have no topic, in order of date and lesson
 * number from `from` (default: the start of the academic year). Topics already given in a lesson
 * are skipped; a topic of N hours fills N lessons. Cancelled lessons and lessons in a period closed
 * for the class are left alone. Each lesson filled gets a `journal.lesson.update` event and the
 * fill one `journal.plan.fill` event with the count, in one transaction.
 */
export async function fillPlan(
  ctx: Ctx,
  courseId: number,
  body: z.infer<typeof planFillBody>,
): Promise<PlanFilled> {
  const course = await requirePlanEdit(ctx, courseId);
  const year = await ctx.db
    .selectFrom('academicYears')
    .select('startsOn')
    .where('id', '=', course.academicYearId)
    .executeTakeFirstOrThrow();
  const from = body.from ?? year.startsOn;
  const classes = await classesOfGroup(ctx.db, course.groupId, course.classId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, courseId);
    await lockClassesForWrite(trx, classes);
    const items = await trx
      .selectFrom('planItems')
      .select(['id', 'topic', 'hours'])
      .where('courseId', '=', courseId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('lessons')
              .select('lessons.id')
              // The course's own lessons (by its index): lessons.plan_item_id has none.
              .where('lessons.courseId', '=', courseId)
              .whereRef('lessons.planItemId', '=', 'planItems.id')
              .where('lessons.cancelledAt', 'is', null),
          ),
        ),
      )
      .orderBy('position')
      .orderBy('id')
      .execute();
    const candidates = await trx
      .selectFrom('lessons')
      .select(['id', 'date', 'topic', 'planItemId'])
      .where('courseId', '=', courseId)
      .where('cancelledAt', 'is', null)
      .where('date', '>=', from)
      .where((eb) => eb.or([eb('topic', 'is', null), eb('topic', '=', '')]))
      .orderBy('date')
      .orderBy('lessonNumber')
      .execute();
    const closedDates = new Map<string, boolean>();
    const lessons = [];
    for (const lesson of candidates) {
      if (!closedDates.has(lesson.date))
        closedDates.set(lesson.date, await closedOn(trx, classes, lesson.date));
      if (!closedDates.get(lesson.date)) lessons.push(lesson);
    }
    const slots = items.flatMap((item) =>
      Array.from({ length: lessonsOfHours(Number(item.hours)) }, () => item),
    );
    const now = new Date().toISOString();
    const filled: number[] = [];
    for (const [index, lesson] of lessons.entries()) {
      const item = slots[index];
      if (!item) break;
      await trx
        .updateTable('lessons')
        .set({ topic: item.topic, planItemId: item.id, topicEnteredAt: now })
        .where('id', '=', lesson.id)
        .execute();
      await recordAudit(trx, ctx, {
        schoolId: course.schoolId,
        action: 'journal.lesson.update',
        entity: 'lesson',
        entityId: lesson.id,
        before: { topic: lesson.topic, planItemId: lesson.planItemId },
        after: { topic: item.topic, planItemId: item.id },
      });
      filled.push(lesson.id);
    }
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan.fill',
      entity: 'course',
      entityId: courseId,
      after: { from, filled: filled.length, lessons: filled },
    });
    return { filled: filled.length };
  });
}
