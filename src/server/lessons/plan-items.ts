import type { z } from 'zod';
import type { planItemBody, planItemUpdateBody } from '../../contract/lessons.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError, notFound } from '../http/app-error.ts';
import type { JournalCourse } from '../journal/journal.policy.ts';
import { maxPlanItems, type PlanAnswer, planOf, renumber, requirePlanEdit } from './get-plan.ts';
import { cleanLine } from './homework-text.ts';

/** A new topic of the КТП. */
export type PlanItemBody = z.infer<typeof planItemBody>;
/** A change to a topic. */
export type PlanItemUpdateBody = z.infer<typeof planItemUpdateBody>;

/** Holds the course's КТП until the transaction ends, so that concurrent edits keep positions dense. */
export function lockPlan(trx: Db, courseId: number): Promise<void> {
  return lockForTransaction(trx, `plan:${courseId}`);
}

/**
 * Unlinks the course's lessons given the topics (they keep their topic text); returns their ids.
 * Read by the course's lessons (by its index): lessons.plan_item_id has none.
 */
export async function unlinkLessons(
  trx: Db,
  courseId: number,
  itemIds: readonly number[],
): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const lessons = await trx
    .selectFrom('lessons')
    .select('id')
    .where('courseId', '=', courseId)
    .where('planItemId', 'in', itemIds)
    .execute();
  if (lessons.length > 0)
    await trx
      .updateTable('lessons')
      .set({ planItemId: null })
      .where('courseId', '=', courseId)
      .where('planItemId', 'in', itemIds)
      .execute();
  return lessons.map((l) => l.id);
}

/** Removes every topic of the course's КТП (for an import or copy that replaces it); audited. */
export async function clearPlan(trx: Db, ctx: Ctx, course: JournalCourse): Promise<number> {
  const items = await trx.selectFrom('planItems').selectAll().where('courseId', '=', course.id).execute();
  if (items.length === 0) return 0;
  const unlinked = await unlinkLessons(
    trx,
    course.id,
    items.map((i) => i.id),
  );
  await trx.deleteFrom('planItems').where('courseId', '=', course.id).execute();
  await recordAudit(trx, ctx, {
    schoolId: course.schoolId,
    action: 'journal.plan.clear',
    entity: 'course',
    entityId: course.id,
    before: { items: items.length, topics: items.map((i) => i.topic) },
    after: { unlinkedLessons: unlinked },
  });
  return items.length;
}

/** Refuses a planned date outside the course's academic year (400 on `plannedOn`), as the import does. */
async function requireDateInYear(db: Db, course: JournalCourse, plannedOn: string | null | undefined) {
  if (plannedOn === null || plannedOn === undefined) return;
  const year = await db
    .selectFrom('academicYears')
    .select(['startsOn', 'endsOn'])
    .where('id', '=', course.academicYearId)
    .executeTakeFirstOrThrow();
  if (plannedOn < year.startsOn || plannedOn > year.endsOn)
    throw new AppError(
      'validation',
      'lessonsKtpDateOutsideYear',
      {},
      { plannedOn: 'lessonsKtpDateOutsideYear' },
    );
}

async function countItems(trx: Db, courseId: number): Promise<number> {
  const rows = await trx.selectFrom('planItems').select('id').where('courseId', '=', courseId).execute();
  return rows.length;
}

/** Adds a topic at the end, or at `position` (the topics from there move down one). */
export async function addPlanItem(ctx: Ctx, courseId: number, body: PlanItemBody): Promise<PlanAnswer> {
  const course = await requirePlanEdit(ctx, courseId);
  await requireDateInYear(ctx.db, course, body.plannedOn);
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, courseId);
    const count = await countItems(trx, courseId);
    if (count >= maxPlanItems) throw new AppError('conflict', 'lessonsPlanTooLong', { max: maxPlanItems });
    const position = Math.min(body.position ?? count + 1, count + 1);
    if (position <= count) {
      const later = await trx
        .selectFrom('planItems')
        .select(['id', 'position'])
        .where('courseId', '=', courseId)
        .where('position', '>=', position)
        .orderBy('position', 'desc')
        .execute();
      for (const item of later)
        await trx
          .updateTable('planItems')
          .set({ position: item.position + 1 })
          .where('id', '=', item.id)
          .execute();
    }
    const values = {
      section: cleanLine(body.section),
      topic: body.topic,
      hours: body.hours ?? 1,
      controlKind: cleanLine(body.controlKind),
      plannedOn: body.plannedOn ?? null,
    };
    const row = await trx
      .insertInto('planItems')
      .values({ schoolId: course.schoolId, courseId, position, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    await renumber(trx, courseId);
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan_item.add',
      entity: 'planItem',
      entityId: row.id,
      after: { courseId, position, ...values },
    });
  });
  return planOf(ctx.db, course, true);
}

async function findItem(ctx: Ctx, itemId: number) {
  const item = await ctx.db.selectFrom('planItems').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound();
  return { item, course: await requirePlanEdit(ctx, item.courseId) };
}

/** Changes a topic; a new `position` moves it there (the others close ranks). */
export async function updatePlanItem(
  ctx: Ctx,
  itemId: number,
  body: PlanItemUpdateBody,
): Promise<PlanAnswer> {
  const { course } = await findItem(ctx, itemId);
  await requireDateInYear(ctx.db, course, body.plannedOn);
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, course.id);
    const item = await trx
      .selectFrom('planItems')
      .selectAll()
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    const next: Record<string, string | number | null> = {};
    if (body.section !== undefined) next.section = cleanLine(body.section);
    if (body.topic !== undefined) next.topic = body.topic;
    if (body.hours !== undefined) next.hours = body.hours;
    if (body.controlKind !== undefined) next.controlKind = cleanLine(body.controlKind);
    if (body.plannedOn !== undefined) next.plannedOn = body.plannedOn;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      const current = item[key as keyof typeof item];
      if ((key === 'hours' ? Number(current) : current) === value) continue;
      before[key] = current;
      after[key] = value;
    }
    if (body.position !== undefined) {
      const count = await countItems(trx, course.id);
      const to = Math.min(body.position, count);
      if (to !== item.position) {
        const others = await trx
          .selectFrom('planItems')
          .select('id')
          .where('courseId', '=', course.id)
          .where('id', '!=', itemId)
          .orderBy('position')
          .orderBy('id')
          .execute();
        const order = others.map((o) => o.id);
        order.splice(to - 1, 0, itemId);
        for (const [index, id] of order.entries())
          await trx
            .updateTable('planItems')
            .set({ position: index + 1 })
            .where('id', '=', id)
            .execute();
        before.position = item.position;
        after.position = to;
      }
    }
    if (Object.keys(after).length === 0) return;
    const { position: _moved, ...fields } = after;
    if (Object.keys(fields).length > 0)
      await trx.updateTable('planItems').set(fields).where('id', '=', itemId).execute();
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan_item.update',
      entity: 'planItem',
      entityId: itemId,
      before,
      after,
    });
  });
  return planOf(ctx.db, course, true);
}

/** Removes a topic; lessons given it are unlinked and keep their topic text; positions close ranks. */
export async function removePlanItem(ctx: Ctx, itemId: number): Promise<PlanAnswer> {
  const { course } = await findItem(ctx, itemId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, course.id);
    const item = await trx.selectFrom('planItems').selectAll().where('id', '=', itemId).executeTakeFirst();
    if (!item) throw notFound();
    const unlinked = await unlinkLessons(trx, course.id, [itemId]);
    await trx.deleteFrom('planItems').where('id', '=', itemId).execute();
    await renumber(trx, course.id);
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan_item.remove',
      entity: 'planItem',
      entityId: itemId,
      before: { ...item, hours: Number(item.hours) },
      after: { unlinkedLessons: unlinked },
    });
  });
  return planOf(ctx.db, course, true);
}
