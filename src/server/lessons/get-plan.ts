import type { z } from 'zod';
import type { planAnswer } from '../../contract/lessons.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { forbidden } from '../http/app-error.ts';
import { type JournalCourse, requireCourse, requireNotArchived } from '../journal/journal.policy.ts';

/** The КТП of a course with plan vs fact. */
export type PlanAnswer = z.infer<typeof planAnswer>;

/** The most topics a КТП may hold. */
export const maxPlanItems = 1000;

/**
 * The course if the actor may change its КТП: its own teachers (403 for other readers, 404 for the
 * unseen, 409 when the course is archived).
 */
export async function requirePlanEdit(ctx: Ctx, courseId: number): Promise<JournalCourse> {
  const course = await requireCourse(ctx, courseId);
  if (!course.ownsCourse) throw forbidden();
  requireNotArchived(course);
  return course;
}

/**
 * Plan vs fact, in hours (one lesson is one hour):
 * - plannedHours: the hours of all topics;
 * - heldLessons: lessons not cancelled dated up to today;
 * - plannedToDate: the hours of topics planned on or before today; when no topic has a date, as
 *   many hours as lessons were held (the plan is then followed by position), capped by the plan;
 * - lag: plannedToDate minus the held lessons that have a topic; positive means behind the plan.
 */
export function planFact(
  items: readonly { hours: number; plannedOn: string | null }[],
  held: { lessons: number; withTopic: number },
  on: string,
): PlanAnswer['fact'] {
  const plannedHours = items.reduce((sum, i) => sum + i.hours, 0);
  const dated = items.some((i) => i.plannedOn !== null);
  const plannedToDate = dated
    ? items.filter((i) => i.plannedOn !== null && i.plannedOn <= on).reduce((sum, i) => sum + i.hours, 0)
    : Math.min(held.lessons, plannedHours);
  return { plannedHours, heldLessons: held.lessons, plannedToDate, lag: plannedToDate - held.withTopic };
}

/** Renumbers a course's topics 1..n in their current order (positions stay dense after any change). */
export async function renumber(trx: Db, courseId: number): Promise<void> {
  const items = await trx
    .selectFrom('planItems')
    .select(['id', 'position'])
    .where('courseId', '=', courseId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const [index, item] of items.entries()) {
    if (item.position !== index + 1)
      await trx
        .updateTable('planItems')
        .set({ position: index + 1 })
        .where('id', '=', item.id)
        .execute();
  }
}

/** The КТП of a course as its page shows it: topics in order with their lessons, and plan vs fact. */
export async function planOf(db: Db, course: JournalCourse, canEdit: boolean): Promise<PlanAnswer> {
  const names = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['subjects.name as subject', 'groups.name as group'])
    .where('courses.id', '=', course.id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('planItems')
    .select(['id', 'position', 'section', 'topic', 'hours', 'controlKind', 'plannedOn'])
    .where('courseId', '=', course.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const lessons = await db
    .selectFrom('lessons')
    .select(['id', 'date', 'planItemId', 'topic'])
    .where('courseId', '=', course.id)
    .where('cancelledAt', 'is', null)
    .orderBy('date')
    .orderBy('lessonNumber')
    .execute();
  const on = today();
  const held = lessons.filter((l) => l.date <= on);
  const byItem = new Map<number, { id: number; date: string }[]>();
  for (const l of lessons) {
    if (l.planItemId === null) continue;
    const list = byItem.get(l.planItemId) ?? [];
    list.push({ id: l.id, date: l.date });
    byItem.set(l.planItemId, list);
  }
  const shown = items.map((i) => ({ ...i, hours: Number(i.hours), lessons: byItem.get(i.id) ?? [] }));
  return {
    courseId: course.id,
    subject: names.subject,
    group: names.group,
    items: shown,
    fact: planFact(
      shown,
      { lessons: held.length, withTopic: held.filter((l) => (l.topic ?? '').trim() !== '').length },
      on,
    ),
    canEdit,
  };
}

/** `GET /api/journal/courses/:id/plan`: anyone who sees the course's journal; its own teachers may edit. */
export async function getPlan(ctx: Ctx, courseId: number): Promise<PlanAnswer> {
  const course = await requireCourse(ctx, courseId);
  return planOf(ctx.db, course, course.ownsCourse);
}
