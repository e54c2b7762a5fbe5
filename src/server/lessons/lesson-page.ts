import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { lessonBody, lessonPage } from '../../contract/lessons.ts';
import { withinEditWindow } from '../../domain/journal-rules.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { LessonTable } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import {
  classesOfGroup,
  closedOn,
  findLesson,
  type JournalLesson,
  lockCourseForWrite,
  requireLessonEdit,
  requireOpen,
  requireReasonIfLate,
} from '../journal/journal.policy.ts';
import { type OfflineWrite, writeTransaction } from '../journal/sync-write.ts';
import { schoolSettingsOf } from '../structure/structure.queries.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { cleanLine, cleanText } from './homework-text.ts';

/** The lesson page. */
export type LessonPage = z.infer<typeof lessonPage>;
/** A change to the lesson page. */
export type LessonBody = z.infer<typeof lessonBody>;

/** The fields of the page a save may change, as stored. */
const pageFields = ['topic', 'lessonKind', 'plan', 'homework', 'homeworkDueOn', 'planItemId'] as const;
type PageField = (typeof pageFields)[number];
type PageValues = Record<PageField, string | number | null>;

async function personName(ctx: Ctx, id: number): Promise<string> {
  const p = await ctx.db
    .selectFrom('persons')
    .select(['lastName', 'firstName', 'middleName'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return shortName(p);
}

/** Whether the lesson's date lies in a period closed for the course's classes. */
async function closedFor(ctx: Ctx, lesson: JournalLesson): Promise<boolean> {
  const classes = await classesOfGroup(ctx.db, lesson.course.groupId, lesson.course.classId);
  return closedOn(ctx.db, classes, lesson.date);
}

/**
 * The lesson page: topic, kind, plan, homework with its files, the КТП topics to choose from (those
 * given in other lessons marked), the substitute if someone else gives the lesson, and whether the
 * actor may edit it now (not for a reader, a cancelled lesson or a closed period).
 */
export async function getLessonPage(ctx: Ctx, lessonId: number): Promise<LessonPage> {
  const lesson = await findLesson(ctx, lessonId);
  const { course } = lesson;
  const row = await ctx.db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select([
      'subjects.name as subject',
      'groups.name as group',
      'lessons.topic',
      'lessons.lessonKind',
      'lessons.plan',
      'lessons.homework',
      'lessons.homeworkDueOn',
      'lessons.planItemId',
    ])
    .where('lessons.id', '=', lessonId)
    .executeTakeFirstOrThrow();
  const items = await ctx.db
    .selectFrom('planItems')
    .select(['id', 'position', 'section', 'topic'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('lessons')
            .select('lessons.id')
            // The course's own lessons (by its index): lessons.plan_item_id has none.
            .where('lessons.courseId', '=', course.id)
            .whereRef('lessons.planItemId', '=', 'planItems.id')
            .where('lessons.id', '!=', lessonId),
        )
        .as('used'),
    )
    .where('courseId', '=', course.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const files = await ctx.db
    .selectFrom('lessonFiles')
    .select(['id', 'name', 'size', 'mime'])
    .where('lessonId', '=', lessonId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  const substitutes = lesson.teacherId !== course.teacherId && lesson.teacherId !== course.secondTeacherId;
  const settings = await schoolSettingsOf(ctx.db, lesson.schoolId);
  const canEdit = lesson.canEdit && lesson.cancelledAt === null && !(await closedFor(ctx, lesson));
  return {
    id: lesson.id,
    courseId: course.id,
    subject: row.subject,
    group: row.group,
    date: lesson.date,
    lessonNumber: lesson.lessonNumber,
    teacher: await personName(ctx, course.teacherId),
    substitute: substitutes ? await personName(ctx, lesson.teacherId) : null,
    topic: row.topic,
    lessonKind: row.lessonKind,
    plan: row.plan,
    homework: row.homework,
    homeworkDueOn: row.homeworkDueOn,
    planItemId: row.planItemId,
    planTopics: items.map((i) => ({ ...i, used: Boolean(i.used) })),
    files: files.map((f) => ({ ...f, size: Number(f.size) })),
    canEdit,
    needsReason: !withinEditWindow(lesson.date, today(), settings.editWindowDays),
  };
}

/** The body's values as they would be stored; fields left out are absent. */
function wanted(body: LessonBody): Partial<PageValues> {
  const next: Partial<PageValues> = {};
  if (body.topic !== undefined) next.topic = cleanLine(body.topic);
  if (body.lessonKind !== undefined) next.lessonKind = cleanLine(body.lessonKind);
  if (body.plan !== undefined) next.plan = cleanText(body.plan);
  if (body.homework !== undefined) next.homework = cleanText(body.homework);
  if (body.homeworkDueOn !== undefined) next.homeworkDueOn = body.homeworkDueOn;
  if (body.planItemId !== undefined) next.planItemId = body.planItemId;
  return next;
}

/**
 * Saves the lesson page: the lesson's teachers (or its substitute) only, not in a closed period,
 * past the edit window only with a reason. Choosing a КТП topic sets the topic text unless the body
 * gives one. Entering or changing the topic or the homework stamps when it was entered (the
 * control of the record judges timeliness by these). One audit event with the changed fields. An
 * offline change (`offline`) is stamped with the time it was made and received in the same transaction.
 */
export async function saveLessonPage(
  ctx: Ctx,
  lessonId: number,
  body: LessonBody,
  offline?: OfflineWrite,
): Promise<LessonPage> {
  const lesson = await requireLessonEdit(ctx, lessonId);
  await requireOpen(ctx.db, lesson.course, lesson.date);
  const settings = await schoolSettingsOf(ctx.db, lesson.schoolId);
  requireReasonIfLate(settings, lesson.date, body.editReason);
  const next = wanted(body);
  if (typeof next.planItemId === 'number') {
    const item = await ctx.db
      .selectFrom('planItems')
      .select(['topic'])
      .where('id', '=', next.planItemId)
      .where('courseId', '=', lesson.courseId)
      .executeTakeFirst();
    if (!item)
      throw new AppError(
        'validation',
        'lessonsPlanItemForeign',
        {},
        { planItemId: 'lessonsPlanItemForeign' },
      );
    if (body.topic === undefined) next.topic = item.topic;
  }
  if (typeof next.homeworkDueOn === 'string' && next.homeworkDueOn < lesson.date) {
    throw new AppError(
      'validation',
      'lessonsDueBeforeLesson',
      {},
      { homeworkDueOn: 'lessonsDueBeforeLesson' },
    );
  }
  await writeTransaction(ctx.db, offline, async (trx) => {
    await lockCourseForWrite(trx, lesson.course, lesson.date);
    await offline?.check?.(trx);
    const current = await trx
      .selectFrom('lessons')
      .select([...pageFields, 'topicEnteredAt', 'homeworkEnteredAt'])
      .where('id', '=', lessonId)
      .executeTakeFirstOrThrow();
    const before: Partial<PageValues> = {};
    const after: Partial<PageValues> = {};
    for (const field of pageFields) {
      const value = next[field];
      if (value === undefined || value === current[field]) continue;
      before[field] = current[field];
      after[field] = value;
    }
    if (Object.keys(after).length === 0) return;
    const now = offline?.madeAt ?? new Date().toISOString();
    const update: Updateable<LessonTable> = { ...(after as Updateable<LessonTable>) };
    // The first entry's time is kept (timeliness is judged by it): a later correction does not
    // make a topic entered on the day late. Cleared: no longer entered.
    if (after.topic !== undefined)
      update.topicEnteredAt = after.topic === null ? null : (current.topicEnteredAt ?? now);
    if (after.homework !== undefined)
      update.homeworkEnteredAt = after.homework === null ? null : (current.homeworkEnteredAt ?? now);
    await trx.updateTable('lessons').set(update).where('id', '=', lessonId).execute();
    await recordAudit(trx, ctx, {
      schoolId: lesson.schoolId,
      action: 'journal.lesson.update',
      entity: 'lesson',
      entityId: lessonId,
      before,
      after: { ...after, ...(body.editReason ? { editReason: body.editReason } : {}), ...offline?.audit },
    });
  });
  return getLessonPage(ctx, lessonId);
}
