import { z } from 'zod';
import { remarkItem } from './remarks.ts';
import { heatmapAnswer, keepingCourse } from './report-keeping.ts';
import { reportQuery, reportRange } from './reports.ts';

/**
 * `GET /api/reports/dashboard?…`: the report filters, and how the trends are cut — by
 * Monday-based weeks (the default: the last six weeks of the range) or by the months of the range.
 */
export const dashboardQuery = reportQuery.extend({ by: z.enum(['week', 'month']).optional() });
/** The dashboard's query as sent. */
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The four figures of the dashboard, in the order shown. */
export const figureKeys = ['completeness', 'timeliness', 'quality', 'attendance'] as const;
/** One of the four figures. */
export type FigureKey = (typeof figureKeys)[number];

/**
 * A point of a trend: the dates it covers, the figure over them (0–100, one decimal; null when
 * there is nothing to count) and, for a point that is a term (the quality), the term's name.
 */
export const trendPoint = z.object({
  start: z.string(),
  end: z.string(),
  value: z.number().nullable(),
  label: z.string().nullable(),
});

/**
 * A figure of the school (or, for a teacher, of their own courses): its value over the range as a
 * percentage with one decimal (null when there is nothing to count), what it is the share of, the
 * trend (weeks or months; the quality: the terms up to the current one), and the change of the
 * latest point against the one before in percentage points.
 */
export const dashboardFigure = z.object({
  key: z.enum(figureKeys),
  value: z.number().nullable(),
  /** What the value is the share of: `part` of `whole` (the quality gives only the students assessed). */
  part: z.number().nullable(),
  whole: z.number(),
  trend: z.array(trendPoint),
  change: z.number().nullable(),
});

/** The control dashboard of the deputy and the director (a teacher: their own figures). */
export const dashboardAnswer = z.object({
  range: reportRange,
  /** The leadership sees the whole school; a teacher only their own courses. */
  whole: z.boolean(),
  by: z.enum(['week', 'month']),
  figures: z.array(dashboardFigure),
  /** The term the quality figure is of (the one holding the range's end), when there is one. */
  qualityPeriod: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The worst-kept journals first: most problems per held lesson, at most ten, none without a problem. */
  worst: z.array(keepingCourse),
  /** The open remarks (neither fixed nor closed) on the journals in scope: the count and the latest five. */
  remarks: z.object({ open: z.number(), latest: z.array(remarkItem) }),
  /** Teachers × days of the last four weeks of the range (the whole range when shorter than 31 days). */
  heatmap: heatmapAnswer,
});
/** The dashboard as answered. */
export type DashboardAnswer = z.infer<typeof dashboardAnswer>;
