import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendancePercent,
  countMissedDays,
  isOverThreshold,
  type MissReason,
  missedDay,
  percentOf,
  type StudentDay,
} from './attendance-figures.ts';

const day = (lessons: number, absent: Partial<Record<MissReason, number>> = {}): StudentDay => ({
  lessons,
  absent: { illness: 0, excused: 0, unexcused: 0, none: 0, ...absent },
});

describe('missed days', () => {
  it('a day is missed only when every held lesson of the student was missed', () => {
    // 5 lessons, 5 absences «б» → missed, for illness.
    expect(missedDay(day(5, { illness: 5 }))).toBe('illness');
    // 5 lessons, 4 absences → the student came to one lesson: not a missed day.
    expect(missedDay(day(5, { illness: 4 }))).toBeNull();
    // 3 lessons: 2 «б» + 1 «уп» → missed, the reasons differ: «разные».
    expect(missedDay(day(3, { illness: 2, excused: 1 }))).toBe('mixed');
    // 2 lessons, both «н» (no reason yet) → missed, reason none.
    expect(missedDay(day(2, { none: 2 }))).toBe('none');
    // No lesson held that day: nothing to miss.
    expect(missedDay(day(0))).toBeNull();
  });

  it('counts missed days by reason over a month', () => {
    const days = [
      day(5, { illness: 5 }), // missed: illness
      day(4, { illness: 4 }), // missed: illness
      day(6, { unexcused: 1 }), // came to 5 of 6: not missed
      day(3, { none: 1, unexcused: 2 }), // missed: mixed
      day(2, { excused: 2 }), // missed: excused
    ];
    // illness 2 + excused 1 + mixed 1 = 4 days.
    expect(countMissedDays(days)).toEqual({
      illness: 2,
      excused: 1,
      unexcused: 0,
      none: 0,
      mixed: 1,
      total: 4,
    });
  });
});

describe('the 30 % rule and the percentages', () => {
  it('lists a student over 30 %, strictly', () => {
    // 3 of 10 = 30 %: not over. 4 of 10 = 40 %: over.
    expect(isOverThreshold(3, 10)).toBe(false);
    expect(isOverThreshold(4, 10)).toBe(true);
    // 31 of 100 = 31 %: over; 30 of 100: not.
    expect(isOverThreshold(31, 100)).toBe(true);
    expect(isOverThreshold(30, 100)).toBe(false);
    // 1 of 3 = 33.3 %: over.
    expect(isOverThreshold(1, 3)).toBe(true);
    // No lesson held: never over.
    expect(isOverThreshold(0, 0)).toBe(false);
  });

  it('rounds percentages to one decimal', () => {
    // 1 / 3 = 33.333… → 33.3.
    expect(percentOf(1, 3)).toBe(33.3);
    // 2 / 3 = 66.666… → 66.7.
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
    // Attendance: 200 expected, 15 absent → 185 / 200 = 92.5 %.
    expect(attendancePercent(200, 15)).toBe(92.5);
  });

  it('property: over 30 % exactly when the share of missed lessons exceeds 0.3', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (expected, raw) => {
        const missed = raw % (expected + 1);
        expect(isOverThreshold(missed, expected)).toBe(missed / expected > 0.3 + 1e-12);
      }),
    );
  });

  it('property: a day is missed iff absences cover its lessons; the reasons add up to the total', () => {
    const dayArb = fc
      .record({
        lessons: fc.integer({ min: 0, max: 8 }),
        illness: fc.integer({ min: 0, max: 3 }),
        excused: fc.integer({ min: 0, max: 3 }),
        unexcused: fc.integer({ min: 0, max: 3 }),
        none: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ lessons, ...absent }) => day(lessons, absent));
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 30 }), (days) => {
        const counts = countMissedDays(days);
        const missed = days.filter((d) => {
          const total = d.absent.illness + d.absent.excused + d.absent.unexcused + d.absent.none;
          return d.lessons > 0 && total >= d.lessons;
        }).length;
        expect(counts.total).toBe(missed);
        expect(counts.illness + counts.excused + counts.unexcused + counts.none + counts.mixed).toBe(missed);
      }),
    );
  });
});
