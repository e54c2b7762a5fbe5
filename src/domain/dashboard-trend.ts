import { addDays, mondayOf } from './school-days.ts';

/** How a dashboard trend is cut: Monday-based weeks or calendar months. */
export type TrendBy = 'week' | 'month';

/** One point of a trend: the dates it covers (inclusive, 'YYYY-MM-DD'). */
export interface TrendBucket {
  start: string;
  end: string;
}

/** How many weeks a weekly trend shows. */
export const trendWeeks = 6;
/** How many months a monthly trend shows at most (a school year has ten). */
export const trendMonths = 12;

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** A date past 9999-12-31 written as the last day of 9999: no bucket ends beyond a date `to` can be. */
const capped = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '9999-12-31');

function lastOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (m === 12) return `${y}-12-31`;
  return addDays(`${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

/**
 * The buckets of a trend over the range `from`–`to`: the last six Monday-based weeks, or the
 * months of the range (at most twelve, the latest ones), oldest first. A bucket is clipped to the
 * range, so the first week or month may be partial and none lies outside the range.
 */
export function trendBuckets(from: string, to: string, by: TrendBy): TrendBucket[] {
  if (from > to) return [];
  const out: TrendBucket[] = [];
  let start = by === 'week' ? mondayOf(to) : firstOfMonth(to);
  const limit = by === 'week' ? trendWeeks : trendMonths;
  while (out.length < limit) {
    const end = by === 'week' ? capped(addDays(start, 6)) : lastOfMonth(start);
    if (end < from) break;
    out.push({ start: start < from ? from : start, end: end > to ? to : end });
    start = by === 'week' ? addDays(start, -7) : firstOfMonth(addDays(start, -1));
  }
  return out.reverse();
}

/** The index of the bucket holding a date, or -1 when the date lies outside every bucket. */
export function bucketIndex(buckets: readonly TrendBucket[], date: string): number {
  for (let i = buckets.length - 1; i >= 0; i--) {
    const b = buckets[i]!;
    if (date >= b.start && date <= b.end) return i;
  }
  return -1;
}

/**
 * The change of the latest point of a trend against the one before, in percentage points with
 * one decimal; null when either is unknown or there is only one point.
 */
export function latestChange(values: readonly (number | null)[]): number | null {
  if (values.length < 2) return null;
  const last = values[values.length - 1];
  const before = values[values.length - 2];
  if (last === null || last === undefined || before === null || before === undefined) return null;
  return Math.round((last - before) * 10) / 10;
}
