import type { z } from 'zod';
import type { planCopyBody, planSources } from '../../contract/lessons.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { type PlanAnswer, planOf, requirePlanEdit } from './get-plan.ts';
import { clearPlan, lockPlan } from './plan-items.ts';

/** Courses whose КТП may be copied. */
export type PlanSources = z.infer<typeof planSources>;

/** The courses of the school whose plans may be copied into this one: this and earlier years, with a plan. */
function sourcesQuery(ctx: Ctx, course: { id: number; schoolId: number; academicYearId: number }) {
  return ctx.db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('persons', 'persons.id', 'courses.teacherId')
    .innerJoin('academicYears', 'academicYears.id', 'courses.academicYearId')
    .select([
      'courses.id',
      'courses.subjectId',
      'subjects.name as subject',
      'groups.name as group',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'academicYears.name as year',
      'academicYears.startsOn',
    ])
    .select((eb) =>
      eb
        .selectFrom('planItems')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('planItems.courseId', '=', 'courses.id')
        .as('items'),
    )
    .where('courses.schoolId', '=', course.schoolId)
    .where('courses.id', '!=', course.id)
    .where('academicYears.startsOn', '<=', (eb) =>
      eb.selectFrom('academicYears').select('startsOn').where('id', '=', course.academicYearId),
    )
    .where((eb) =>
      eb.exists(
        eb.selectFrom('planItems').select('planItems.id').whereRef('planItems.courseId', '=', 'courses.id'),
      ),
    );
}

/**
 * `GET /api/journal/courses/:id/plan/sources`: courses of the same subject in the school, this and
 * earlier academic years, that have a КТП — the newest year first, then by group and teacher.
 */
export async function listPlanSources(ctx: Ctx, courseId: number): Promise<PlanSources> {
  const course = await requirePlanEdit(ctx, courseId);
  const rows = await sourcesQuery(ctx, course).where('courses.subjectId', '=', course.subjectId).execute();
  const courses = rows
    .map((r) => ({
      course: {
        id: r.id,
        subject: r.subject,
        group: r.group,
        teacher: shortName(r),
        year: r.year,
        items: Number(r.items),
      },
      year: r.startsOn,
      key: `${russianSortKey(r.group)}|${russianSortKey(r.lastName, r.firstName, r.middleName)}`,
    }))
    .sort((a, b) =>
      a.year !== b.year
        ? a.year < b.year
          ? 1
          : -1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : a.course.id - b.course.id,
    )
    .map((c) => c.course);
  return { courses };
}

/**
 * Copies the КТП of another course of the school (this or an earlier year) into this one. Planned
 * dates are kept only when the source is of the same academic year. Refuses (409) when the plan is
 * not empty unless `replace`, which replaces it (lessons keep their topic text).
 */
export async function copyPlan(
  ctx: Ctx,
  courseId: number,
  body: z.infer<typeof planCopyBody>,
): Promise<PlanAnswer> {
  const course = await requirePlanEdit(ctx, courseId);
  if (body.fromCourseId === courseId)
    throw new AppError('validation', 'lessonsPlanSourceSame', {}, { fromCourseId: 'lessonsPlanSourceSame' });
  const source = await sourcesQuery(ctx, course)
    .where('courses.id', '=', body.fromCourseId)
    .executeTakeFirst();
  if (!source) {
    const inSchool = await ctx.db
      .selectFrom('courses')
      .select('id')
      .where('id', '=', body.fromCourseId)
      .where('schoolId', '=', course.schoolId)
      .executeTakeFirst();
    if (!inSchool) throw notFound();
    throw new AppError(
      'validation',
      'lessonsPlanSourceEmpty',
      {},
      { fromCourseId: 'lessonsPlanSourceEmpty' },
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, courseId);
    const existing = await trx
      .selectFrom('planItems')
      .select('id')
      .where('courseId', '=', courseId)
      .execute();
    if (existing.length > 0 && !body.replace) throw new AppError('conflict', 'lessonsPlanNotEmpty');
    if (body.replace) await clearPlan(trx, ctx, course);
    const items = await trx
      .selectFrom('planItems')
      .select(['section', 'topic', 'hours', 'controlKind', 'plannedOn'])
      .where('courseId', '=', body.fromCourseId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const sameYear =
      (
        await trx
          .selectFrom('courses')
          .select('academicYearId')
          .where('id', '=', body.fromCourseId)
          .executeTakeFirstOrThrow()
      ).academicYearId === course.academicYearId;
    await trx
      .insertInto('planItems')
      .values(
        items.map((item, i) => ({
          schoolId: course.schoolId,
          courseId,
          position: i + 1,
          section: item.section,
          topic: item.topic,
          hours: Number(item.hours),
          controlKind: item.controlKind,
          plannedOn: sameYear ? item.plannedOn : null,
        })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan.copy',
      entity: 'course',
      entityId: courseId,
      after: { fromCourseId: body.fromCourseId, items: items.length, replace: body.replace ?? false },
    });
  });
  return planOf(ctx.db, course, true);
}
