import { type ExpressionBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { assessmentsAnswer } from '../../contract/report-density.ts';
import {
  assessmentWarnings,
  isAssessmentControlKind,
  type Procedure,
} from '../../domain/assessment-rules.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';
import { parseColumns } from '../journal/add-column.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

/** The schedule of assessment procedures and the warnings on it. */
export type AssessmentsAnswer = z.infer<typeof assessmentsAnswer>;

/** Classes in Russian order, numbers by value: «5А» before «10Б». */
const classOrder = new Intl.Collator('ru', { numeric: true });

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
 * course's first lesson that day. Future lessons count: the schedule is published ahead. Only the
 * candidate lessons are read; the year's lessons per course are counted in SQL.
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
  const year = (eb: ExpressionBuilder<DB, 'lessons'>) =>
    eb.and([
      eb('lessons.courseId', 'in', courseIds),
      eb('lessons.cancelledAt', 'is', null),
      eb('lessons.date', '>=', scope.yearStartsOn),
      eb('lessons.date', '<=', scope.yearEndsOn),
    ]);
  // The lessons whose columns name an assessment kind are picked in SQL by the text of the column
  // list, which is always written by JSON.stringify of the ids (`[2,8]`, no spaces); each lesson
  // found is checked again on the parsed list below.
  const [lessons, counts, items] = await Promise.all([
    ctx.db
      .selectFrom('lessons')
      .leftJoin('planItems', 'planItems.id', 'lessons.planItemId')
      .select([
        'lessons.id',
        'lessons.courseId',
        'lessons.date',
        'lessons.lessonNumber',
        'lessons.markColumns',
        'planItems.controlKind',
      ])
      .where(year)
      .where((eb) =>
        eb.or([
          ...[...kindIds].flatMap((id) =>
            [`[${id}]`, `[${id},%`, `%,${id},%`, `%,${id}]`].map((p) => eb('lessons.markColumns', 'like', p)),
          ),
          eb('planItems.controlKind', 'is not', null),
        ]),
      )
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute(),
    ctx.db
      .selectFrom('lessons')
      .select('lessons.courseId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(year)
      .groupBy('lessons.courseId')
      .execute(),
    ctx.db
      .selectFrom('planItems')
      .select(['id', 'courseId', 'controlKind', 'plannedOn'])
      .where('courseId', 'in', courseIds)
      .where('controlKind', 'is not', null)
      .where('plannedOn', 'is not', null)
      .execute(),
  ]);
  const hours = new Map(counts.map((c) => [c.courseId, Number(c.n)]));
  const chosen: {
    lesson: Pick<(typeof lessons)[number], 'id' | 'courseId' | 'date' | 'lessonNumber'>;
    source: 'markColumn' | 'plan';
  }[] = [];
  const taken = new Set<number>();
  for (const l of lessons) {
    const source = (parseColumns(l.markColumns) ?? []).some((id) => kindIds.has(id))
      ? 'markColumn'
      : isAssessmentControlKind(l.controlKind, kindNames)
        ? 'plan'
        : null;
    if (source === null) continue;
    chosen.push({ lesson: l, source });
    taken.add(l.id);
  }
  const dated = items.filter((i) => isAssessmentControlKind(i.controlKind, kindNames));
  const given = new Set(
    dated.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('lessons')
            .select('planItemId')
            .where('courseId', 'in', [...new Set(dated.map((i) => i.courseId))])
            .where(
              'planItemId',
              'in',
              dated.map((i) => i.id),
            )
            .execute()
        ).map((l) => l.planItemId),
  );
  const planned = dated.filter((i) => !given.has(i.id));
  if (planned.length > 0) {
    const wanted = new Set(planned.map((i) => `${i.courseId}:${i.plannedOn}`));
    const sameDay = await ctx.db
      .selectFrom('lessons')
      .select(['lessons.id', 'lessons.courseId', 'lessons.date', 'lessons.lessonNumber'])
      .where(year)
      .where('lessons.courseId', 'in', [...new Set(planned.map((i) => i.courseId))])
      .where('lessons.date', 'in', [...new Set(planned.map((i) => i.plannedOn!))])
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute();
    for (const l of sameDay) {
      const day = `${l.courseId}:${l.date}`;
      if (!wanted.delete(day) || taken.has(l.id)) continue;
      chosen.push({ lesson: l, source: 'plan' });
    }
    chosen.sort(
      (a, b) =>
        (a.lesson.date < b.lesson.date ? -1 : a.lesson.date > b.lesson.date ? 1 : 0) ||
        a.lesson.lessonNumber - b.lesson.lessonNumber,
    );
  }
  return { chosen, hours };
}

/**
 * The first and last lesson number of each class's day on the given dates (`classId:date`), over
 * every course of the class (not only those in scope). The lessons are read through the
 * school-and-date index, each lesson's group found by a key lookup of its course, and counted per
 * group and date in SQL; the groups are folded into their classes here. A join of the lessons with
 * the courses and groups let PostgreSQL start from the courses (20 times slower without
 * statistics), and a subquery through the groups made it scan them per lesson with statistics.
 */
async function dayBounds(ctx: Ctx, scope: ReportScope, dates: string[]) {
  const bounds = new Map<string, { first: number; last: number }>();
  if (dates.length === 0) return bounds;
  const groupOfLesson = sql<number | null>`(select ${sql.ref('courses.groupId')} from ${sql.table(
    'courses',
  )} where ${sql.ref('courses.id')} = ${sql.ref('lessons.courseId')} and ${sql.ref(
    'courses.academicYearId',
  )} = ${scope.yearId})`;
  const lessons = ctx.db
    .selectFrom('lessons')
    .select([groupOfLesson.as('groupId'), 'lessons.date', 'lessons.lessonNumber'])
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('lessons.date', 'in', dates)
    .where('lessons.cancelledAt', 'is', null)
    .as('l');
  const [groups, rows] = await Promise.all([
    ctx.db
      .selectFrom('groups')
      .select(['id', 'classId'])
      .where('schoolId', '=', scope.schoolId)
      .where('academicYearId', '=', scope.yearId)
      .where('classId', 'is not', null)
      .execute(),
    ctx.db
      .selectFrom(lessons)
      .select((eb) => [
        'l.groupId',
        'l.date',
        eb.fn.min('l.lessonNumber').as('first'),
        eb.fn.max('l.lessonNumber').as('last'),
      ])
      .groupBy(['l.groupId', 'l.date'])
      .execute(),
  ]);
  const classOf = new Map(groups.map((g) => [g.id, g.classId]));
  for (const r of rows) {
    const classId = r.groupId === null ? undefined : classOf.get(r.groupId);
    if (classId === undefined || classId === null) continue;
    const key = `${classId}:${r.date}`;
    const first = Number(r.first);
    const last = Number(r.last);
    const seen = bounds.get(key);
    if (!seen) bounds.set(key, { first, last });
    else {
      seen.first = Math.min(seen.first, first);
      seen.last = Math.max(seen.last, last);
    }
  }
  return bounds;
}

/**
 * The schedule of assessment procedures per class and subject for the period asked for (else the
 * whole academic year) and the warnings of the federal recommendations on it. Shares of hours are
 * always of the whole year. The lessons of a cross-class group count for each class its students
 * come from. At most nine queries, none per lesson or student.
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
        classOrder.compare(x.className, y.className) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
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
