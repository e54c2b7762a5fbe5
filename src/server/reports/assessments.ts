import type { z } from 'zod';
import type { assessmentsAnswer } from '../../contract/report-density.ts';
import {
  assessmentWarnings,
  isAssessmentControlKind,
  type Procedure,
} from '../../domain/assessment-rules.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { parseColumns } from '../journal/add-column.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

/** The schedule of assessment procedures and the warnings on it. */
export type AssessmentsAnswer = z.infer<typeof assessmentsAnswer>;

type Found = Procedure & { courseId: number; source: 'markColumn' | 'plan' };

/** The classes of each group: its own class, or for a cross-class group the classes of its members. */
async function classesOfGroups(ctx: Ctx, scope: ReportScope) {
  const classes = await ctx.db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('schoolId', '=', scope.schoolId)
    .where('academicYearId', '=', scope.yearId)
    .execute();
  const names = new Map(classes.map((c) => [c.id, `${c.grade}${c.letter}`]));
  const byGroup = new Map<number, number[]>();
  for (const c of scope.courses) if (c.classId !== null) byGroup.set(c.groupId, [c.classId]);
  const cross = [...new Set(scope.courses.filter((c) => c.classId === null).map((c) => c.groupId))];
  if (cross.length > 0) {
    const rows = await ctx.db
      .selectFrom('groupMemberships as gm')
      .innerJoin('groupMemberships as cm', 'cm.studentId', 'gm.studentId')
      .innerJoin('groups as g', 'g.id', 'cm.groupId')
      .select(['gm.groupId', 'g.classId'])
      .distinct()
      .where('gm.groupId', 'in', cross)
      .where('g.kind', '=', 'class')
      .where('g.academicYearId', '=', scope.yearId)
      .execute();
    for (const r of rows) {
      if (r.classId === null) continue;
      const list = byGroup.get(r.groupId) ?? [];
      if (!list.includes(r.classId)) list.push(r.classId);
      byGroup.set(r.groupId, list);
    }
  }
  return { names, byGroup };
}

/**
 * The assessment procedures of the courses in scope in the whole academic year: lessons not
 * cancelled whose mark columns hold an assessment work kind, or whose КТП topic's kind of control
 * names one; and topics with such a kind and a planned date but not yet given to a lesson, on the
 * course's first lesson that day. Future lessons count: the schedule is published ahead.
 */
async function yearProcedures(ctx: Ctx, scope: ReportScope) {
  const courseIds = scope.courses.map((c) => c.id);
  const kinds = await ctx.db
    .selectFrom('workKinds')
    .select(['id', 'name', 'shortName'])
    .where('schoolId', '=', scope.schoolId)
    .where('assessment', '=', 1)
    .execute();
  const kindIds = new Set(kinds.map((k) => k.id));
  const kindNames = kinds.flatMap((k) => [k.name, k.shortName]);
  const [lessons, items] = await Promise.all([
    ctx.db
      .selectFrom('lessons')
      .leftJoin('planItems', 'planItems.id', 'lessons.planItemId')
      .select([
        'lessons.id',
        'lessons.courseId',
        'lessons.date',
        'lessons.lessonNumber',
        'lessons.markColumns',
        'lessons.planItemId',
        'planItems.controlKind',
      ])
      .where('lessons.courseId', 'in', courseIds)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '>=', scope.yearStartsOn)
      .where('lessons.date', '<=', scope.yearEndsOn)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute(),
    ctx.db
      .selectFrom('planItems')
      .select(['id', 'courseId', 'controlKind', 'plannedOn'])
      .where('courseId', 'in', courseIds)
      .where('controlKind', 'is not', null)
      .where('plannedOn', 'is not', null)
      .execute(),
  ]);
  const given = new Set(lessons.map((l) => l.planItemId).filter((id) => id !== null));
  const plannedOn = new Set(
    items
      .filter((i) => !given.has(i.id) && isAssessmentControlKind(i.controlKind, kindNames))
      .map((i) => `${i.courseId}:${i.plannedOn}`),
  );
  const hours = new Map<number, number>();
  const chosen: { lesson: (typeof lessons)[number]; source: 'markColumn' | 'plan' }[] = [];
  const firstOfDay = new Set<string>();
  for (const l of lessons) {
    hours.set(l.courseId, (hours.get(l.courseId) ?? 0) + 1);
    const day = `${l.courseId}:${l.date}`;
    const first = !firstOfDay.has(day);
    firstOfDay.add(day);
    if ((parseColumns(l.markColumns) ?? []).some((id) => kindIds.has(id)))
      chosen.push({ lesson: l, source: 'markColumn' });
    else if (isAssessmentControlKind(l.controlKind, kindNames)) chosen.push({ lesson: l, source: 'plan' });
    else if (first && plannedOn.has(day)) chosen.push({ lesson: l, source: 'plan' });
  }
  return { chosen, hours };
}

/** The first and last lesson number of each class's day on the given dates (`classId:date`). */
async function dayBounds(ctx: Ctx, scope: ReportScope, dates: string[]) {
  const bounds = new Map<string, { first: number; last: number }>();
  if (dates.length === 0) return bounds;
  const rows = await ctx.db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['groups.classId', 'lessons.date'])
    .select((eb) => [
      eb.fn.min('lessons.lessonNumber').as('first'),
      eb.fn.max('lessons.lessonNumber').as('last'),
    ])
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('lessons.date', 'in', dates)
    .where('lessons.cancelledAt', 'is', null)
    .where('courses.academicYearId', '=', scope.yearId)
    .where('groups.classId', 'is not', null)
    .groupBy(['groups.classId', 'lessons.date'])
    .execute();
  for (const r of rows)
    bounds.set(`${r.classId}:${r.date}`, { first: Number(r.first), last: Number(r.last) });
  return bounds;
}

/**
 * The schedule of assessment procedures per class and subject for the period asked for (else the
 * whole academic year) and the warnings of the federal recommendations on it. Shares of hours are
 * always of the whole year. The lessons of a cross-class group count for each class its students
 * come from. Six queries at most, none per lesson.
 */
export async function computeAssessments(ctx: Ctx, scope: ReportScope): Promise<AssessmentsAnswer> {
  const from = scope.periodId === null ? scope.yearStartsOn : scope.from;
  const to = scope.periodId === null ? scope.yearEndsOn : scope.to;
  const base = { range: rangeOf(scope), from, to };
  if (scope.courses.length === 0) return { ...base, schedule: [], warnings: [] };
  const [{ chosen, hours }, { names, byGroup }] = await Promise.all([
    yearProcedures(ctx, scope),
    classesOfGroups(ctx, scope),
  ]);
  const courseOf = new Map(scope.courses.map((c) => [c.id, c]));
  const found: Found[] = chosen.flatMap(({ lesson, source }) => {
    const course = courseOf.get(lesson.courseId)!;
    return (byGroup.get(course.groupId) ?? []).map((classId) => ({
      lessonId: lesson.id,
      courseId: lesson.courseId,
      classId,
      className: names.get(classId) ?? '',
      subjectId: course.subjectId,
      subject: course.subject,
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      source,
    }));
  });
  const subjectHours = new Map<string, number>();
  for (const c of scope.courses)
    for (const classId of byGroup.get(c.groupId) ?? []) {
      const key = `${classId}:${c.subjectId}`;
      subjectHours.set(key, Math.max(subjectHours.get(key) ?? 0, hours.get(c.id) ?? 0));
    }
  const bounds = await dayBounds(ctx, scope, [...new Set(found.map((p) => p.date))]);
  const now = today();
  const rows = new Map<string, AssessmentsAnswer['schedule'][number]>();
  const order = new Map<string, number>();
  scope.courses.forEach((c, index) => {
    for (const classId of byGroup.get(c.groupId) ?? []) {
      const key = `${classId}:${c.subjectId}`;
      if (!order.has(key)) order.set(key, index);
    }
  });
  for (const p of found) {
    const key = `${p.classId}:${p.subjectId}`;
    const row = rows.get(key) ?? {
      classId: p.classId,
      className: p.className,
      subjectId: p.subjectId,
      subject: p.subject,
      procedures: [],
      hours: subjectHours.get(key) ?? 0,
      yearTotal: 0,
      percent: null,
    };
    rows.set(key, row);
    row.yearTotal = new Set([...row.procedures.map((x) => x.date), p.date]).size;
    row.procedures.push({
      lessonId: p.lessonId,
      courseId: p.courseId,
      date: p.date,
      lessonNumber: p.lessonNumber,
      source: p.source,
      planned: p.date > now,
    });
  }
  const schedule = [...rows.entries()]
    .sort(
      ([a, x], [b, y]) =>
        x.className.localeCompare(y.className, 'ru', { numeric: true }) ||
        (order.get(a) ?? 0) - (order.get(b) ?? 0),
    )
    .map(([, row]) => ({
      ...row,
      percent: row.hours > 0 ? Math.round((row.yearTotal / row.hours) * 1000) / 10 : null,
      procedures: row.procedures.filter((p) => p.date >= from && p.date <= to),
    }))
    .filter((row) => row.procedures.length > 0);
  const warnings = assessmentWarnings(found, subjectHours, bounds).filter((w) =>
    w.dates.some((d) => d >= from && d <= to),
  );
  return { ...base, schedule, warnings };
}
