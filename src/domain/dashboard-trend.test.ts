import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, latestChange, trendBuckets } from './dashboard-trend.ts';
import { addDays } from './school-days.ts';

describe('trend buckets', () => {
  it('weekly: the six Monday-based weeks up to the end date, the last one cut at that date', () => {
    // 18.11.2026 is a Wednesday: its week began on Monday 16.11; five whole weeks before it.
    expect(trendBuckets('2026-09-01', '2026-11-18', 'week')).toEqual([
      { start: '2026-10-12', end: '2026-10-18' },
      { start: '2026-10-19', end: '2026-10-25' },
      { start: '2026-10-26', end: '2026-11-01' },
      { start: '2026-11-02', end: '2026-11-08' },
      { start: '2026-11-09', end: '2026-11-15' },
      { start: '2026-11-16', end: '2026-11-18' },
    ]);
  });

  it('weekly: a short range gives fewer weeks, the first cut at the start date', () => {
    // From Wednesday 28.10: the week of 26.10 starts inside the range only from 28.10; the week
    // of 19.10 ends on 25.10, before the range, and is left out — four weeks.
    expect(trendBuckets('2026-10-28', '2026-11-18', 'week')).toEqual([
      { start: '2026-10-28', end: '2026-11-01' },
      { start: '2026-11-02', end: '2026-11-08' },
      { start: '2026-11-09', end: '2026-11-15' },
      { start: '2026-11-16', end: '2026-11-18' },
    ]);
  });

  it('monthly: the months of the range, across the new year, the ends cut to the range', () => {
    expect(trendBuckets('2026-11-10', '2027-02-03', 'month')).toEqual([
      { start: '2026-11-10', end: '2026-11-30' },
      { start: '2026-12-01', end: '2026-12-31' },
      { start: '2027-01-01', end: '2027-01-31' },
      { start: '2027-02-01', end: '2027-02-03' },
    ]);
    // A whole school year (1 September – 31 August) is twelve months, February of 2027 has 28 days.
    const year = trendBuckets('2026-09-01', '2027-08-31', 'month');
    expect(year).toHaveLength(12);
    expect(year[5]).toEqual({ start: '2027-02-01', end: '2027-02-28' });
  });

  it('a range ending on the last day the calendar writes (9999-12-31) ends its last bucket there', () => {
    // December's last day is written directly, not found from 10000-01-01; the week of 27.12.9999
    // would end on 02.01.10000 and is cut to 31.12.9999.
    expect(trendBuckets('9999-11-15', '9999-12-31', 'month')).toEqual([
      { start: '9999-11-15', end: '9999-11-30' },
      { start: '9999-12-01', end: '9999-12-31' },
    ]);
    expect(trendBuckets('9999-12-20', '9999-12-31', 'week')).toEqual([
      { start: '9999-12-20', end: '9999-12-26' },
      { start: '9999-12-27', end: '9999-12-31' },
    ]);
  });

  it('a range whose end is before its start has no buckets', () => {
    expect(trendBuckets('2026-11-18', '2026-11-01', 'week')).toEqual([]);
  });

  it('property: buckets follow each other day by day inside the range, ending at the end date', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, day, fc.constantFrom('week' as const, 'month' as const), (a, b, by) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const buckets = trendBuckets(from, to, by);
        expect(buckets.length).toBeGreaterThan(0);
        expect(buckets.length).toBeLessThanOrEqual(by === 'week' ? 6 : 12);
        expect(buckets.at(-1)!.end).toBe(to);
        expect(buckets[0]!.start >= from).toBe(true);
        for (let i = 1; i < buckets.length; i++)
          expect(buckets[i]!.start).toBe(addDays(buckets[i - 1]!.end, 1));
        for (const [i, bucket] of buckets.entries()) {
          expect(bucket.start <= bucket.end).toBe(true);
          expect(bucketIndex(buckets, bucket.start)).toBe(i);
          expect(bucketIndex(buckets, bucket.end)).toBe(i);
        }
        expect(bucketIndex(buckets, addDays(to, 1))).toBe(-1);
      }),
    );
  });
});

describe('the change of a trend', () => {
  it('the change of the latest point in percentage points', () => {
    // 91.3 − 89.2 = 2.1 points; from 75 down to 70.5 is −4.5.
    expect(latestChange([80, 89.2, 91.3])).toBe(2.1);
    expect(latestChange([75, 70.5])).toBe(-4.5);
    expect(latestChange([75, null])).toBeNull();
    expect(latestChange([null, 75])).toBeNull();
    expect(latestChange([75])).toBeNull();
  });
});
