import type { z } from 'zod';
import type {
  DashboardAnswer,
  DashboardQuery,
  dashboardFigure,
  FigureKey,
  trendPoint,
} from '../../contract/report-dashboard.ts';
import {
  bucketIndex,
  latestChange,
  type TrendBucket,
  type TrendBy,
  trendBuckets,
} from '../../domain/dashboard-trend.ts';
import { tally } from '../../domain/keeping.ts';
import { percentOf } from '../../domain/timeliness.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { attendanceBetween, attendanceByDate } from './attendance.queries.ts';
import { heatmapOf, heatmapWindow } from './heatmap.ts';
import { courseRows, type LessonProblem, lessonProblems } from './keeping.ts';
import { openRemarks } from './remarks.ts';
import { type ReportScope, rangeOf, resolveReportScope } from './report-scope.ts';
import { type ResultsPeriod, resultsPeriod, resultsTotals } from './results.ts';

type Figure = z.infer<typeof dashboardFigure>;
type Point = z.infer<typeof trendPoint>;

/** How many journals «Хуже всего ведутся» lists. */
export const worstLimit = 10;
/** How many open remarks the dashboard lists (the count is of all). */
export const latestRemarks = 5;

function figure(
  key: FigureKey,
  value: number | null,
  part: number | null,
  whole: number,
  trend: Point[],
): Figure {
  return { key, value, part, whole, trend, change: latestChange(trend.map((p) => p.value)) };
}

const point = (b: TrendBucket, value: number | null, label: string | null = null): Point => ({
  start: b.start,
  end: b.end,
  value,
  label,
});

/** Completeness and timeliness over the range and per bucket: one pass over the held lessons. */
function keepingFigures(problems: readonly LessonProblem[], buckets: TrendBucket[]): Figure[] {
  const total = tally(problems);
  const per = buckets.map((): LessonProblem[] => []);
  for (const p of problems) {
    const i = bucketIndex(buckets, p.date);
    if (i >= 0) per[i]!.push(p);
  }
  const counts = per.map((list) => tally(list));
  return [
    figure(
      'completeness',
      total.completeness,
      total.filled,
      total.expected,
      buckets.map((b, i) => point(b, counts[i]!.completeness)),
    ),
    figure(
      'timeliness',
      total.timeliness,
      total.entries - total.lateEntries,
      total.entries,
      buckets.map((b, i) => point(b, counts[i]!.timeliness)),
    ),
  ];
}

const attendanceRate = (t: { expected: number; absent: number }) =>
  percentOf(t.expected - t.absent, t.expected);

/**
 * Attendance over the range and per bucket: student-lessons present of those whose attendance was
 * taken. Read once for the whole range, per date; each bucket is the sum of its dates.
 */
async function attendanceFigure(db: Db, scope: ReportScope, buckets: TrendBucket[]): Promise<Figure> {
  const byDate = await attendanceByDate(db, scope);
  const total = attendanceBetween(byDate, scope.from, scope.to);
  return figure(
    'attendance',
    attendanceRate(total),
    total.expected - total.absent,
    total.expected,
    buckets.map((b) => point(b, attendanceRate(attendanceBetween(byDate, b.start, b.end)))),
  );
}

/**
 * The terms the quality is shown for: the one asked for (`periodId`), else those of the school's
 * main scheme begun by the range's end; the last is the current one.
 */
async function qualityTerms(db: Db, scope: ReportScope): Promise<ResultsPeriod[]> {
  const asked =
    scope.periodId === null
      ? null
      : await resultsPeriod(db, scope.schoolId, scope.yearId, { periodId: scope.periodId });
  if (asked && asked.kind !== 'term') return [asked];
  const main = asked ?? (await resultsPeriod(db, scope.schoolId, scope.yearId));
  if (!main) return [];
  const until = asked ? asked.startsOn : scope.to;
  const terms = await db
    .selectFrom('periods')
    .select(['id', 'name', 'kind', 'scheme', 'startsOn', 'endsOn'])
    .where('schoolId', '=', scope.schoolId)
    .where('academicYearId', '=', scope.yearId)
    .where('kind', '=', 'term')
    .where('startsOn', '<=', until)
    .orderBy('startsOn')
    .execute();
  const begun = terms.filter((t) => t.scheme === main.scheme);
  return begun.length > 0 ? begun : [main];
}

/** The quality of knowledge of the current term, the trend over the terms of the year up to it. */
async function qualityFigure(db: Db, scope: ReportScope) {
  const terms = await qualityTerms(db, scope);
  const totals = await Promise.all(terms.map((t) => resultsTotals(db, { ...scope, periodId: t.id })));
  const current = totals.at(-1);
  const term = terms.at(-1);
  return {
    figure: figure(
      'quality',
      current?.qualityPct ?? null,
      null,
      current?.assessed ?? 0,
      terms.map((t, i) => point({ start: t.startsOn, end: t.endsOn }, totals[i]!.qualityPct, t.name)),
    ),
    period: term ? { id: term.id, name: term.name } : null,
  };
}

/**
 * The control dashboard of a scope: completeness and timeliness (of the held lessons), the quality
 * of knowledge (of the current term) and attendance, each with its trend; the worst-kept journals;
 * the open remarks; the heat map. The held lessons are read once for the figures, their trends,
 * the journals and the heat map.
 */
export async function computeDashboard(
  db: Db,
  scope: ReportScope,
  by: TrendBy = 'week',
): Promise<DashboardAnswer> {
  const buckets = trendBuckets(scope.from, scope.to, by);
  const courseIds = scope.courses.map((c) => c.id);
  const [problems, attendance, quality, remarks] = await Promise.all([
    lessonProblems(db, scope),
    attendanceFigure(db, scope, buckets),
    qualityFigure(db, scope),
    courseIds.length > 0 ? openRemarks(db, scope.schoolId, { courseIds }) : Promise.resolve([]),
  ]);
  const [completeness, timeliness] = keepingFigures(problems, buckets);
  return {
    range: rangeOf(scope),
    whole: scope.whole,
    by,
    figures: [completeness!, timeliness!, quality.figure, attendance],
    qualityPeriod: quality.period,
    worst: courseRows(scope, problems)
      .filter((c) => c.problems > 0)
      .slice(0, worstLimit),
    remarks: { open: remarks.length, latest: remarks.slice(0, latestRemarks) },
    heatmap: heatmapOf(scope, heatmapWindow(scope), problems),
  };
}

/**
 * `GET /api/reports/dashboard`: the dashboard of what the actor sees — the whole school for the
 * leadership, their own courses for a teacher (the same scope rules as every report).
 */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardAnswer> {
  const { by, ...filters } = q;
  const scope = await resolveReportScope(ctx, filters);
  return computeDashboard(ctx.db, scope, by ?? 'week');
}
