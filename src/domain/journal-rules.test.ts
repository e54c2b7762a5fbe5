import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberDuring, memberOn, type Span, withinEditWindow } from './journal-rules.ts';
import { addDays } from './school-days.ts';

// A student in 5А-1 from the start of the year, moved to 5А-2 on 16 November and back on 1 February.
const inFirst: Span[] = [
  { startsOn: '2026-09-01', endsOn: '2026-11-15' },
  { startsOn: '2027-02-01', endsOn: null },
];
const inSecond: Span[] = [{ startsOn: '2026-11-16', endsOn: '2027-01-31' }];

describe('membership by date', () => {
  it('counts both ends of a membership and an open end', () => {
    expect(memberOn(inFirst, '2026-09-01')).toBe(true);
    expect(memberOn(inFirst, '2026-11-15')).toBe(true);
    expect(memberOn(inFirst, '2026-11-16')).toBe(false);
    expect(memberOn(inFirst, '2026-08-31')).toBe(false);
    expect(memberOn(inFirst, '2027-05-31')).toBe(true);
    expect(memberOn([], '2026-10-01')).toBe(false);
  });

  it('a moved student is in exactly one of the two groups on every day after joining', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const day = addDays('2026-09-01', n);
        expect(Number(memberOn(inFirst, day)) + Number(memberOn(inSecond, day))).toBe(1);
      }),
    );
  });

  it('has a row in a grid whose days touch any membership, and none otherwise', () => {
    expect(memberDuring(inSecond, '2026-09-01', '2026-10-31')).toBe(false);
    expect(memberDuring(inSecond, '2026-11-09', '2026-11-16')).toBe(true);
    expect(memberDuring(inSecond, '2027-01-31', '2027-03-31')).toBe(true);
    expect(memberDuring(inSecond, '2027-02-01', '2027-03-31')).toBe(false);
    expect(memberDuring(inFirst, '2026-12-01', '2027-01-31')).toBe(false);
    expect(memberDuring(inFirst, '2026-12-01', '2027-02-01')).toBe(true);
  });

  it('property: memberDuring is true exactly when memberOn holds on some day of the range', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.boolean())
      .map(([s, len, open]) => ({
        startsOn: addDays('2026-09-01', s),
        endsOn: open ? null : addDays('2026-09-01', s + len),
      }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 3 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 20 }),
        (spans, from, len) => {
          const days = Array.from({ length: len + 1 }, (_, i) => addDays('2026-09-01', from + i));
          const to = days[days.length - 1]!;
          expect(memberDuring(spans, days[0]!, to)).toBe(days.some((d) => memberOn(spans, d)));
        },
      ),
    );
  });
});

describe('edit window', () => {
  it('0 days: the same day only', () => {
    expect(withinEditWindow('2026-11-10', '2026-11-10', 0)).toBe(true);
    expect(withinEditWindow('2026-11-10', '2026-11-11', 0)).toBe(false);
  });

  it('N days: up to and including the N-th day after the lesson, across months and years', () => {
    expect(withinEditWindow('2026-11-10', '2026-11-17', 7)).toBe(true);
    expect(withinEditWindow('2026-11-10', '2026-11-18', 7)).toBe(false);
    expect(withinEditWindow('2026-12-28', '2027-01-04', 7)).toBe(true);
    expect(withinEditWindow('2026-12-28', '2027-01-05', 7)).toBe(false);
    expect(withinEditWindow('2027-02-27', '2027-03-01', 2)).toBe(true);
  });

  it('a lesson in the future is open', () => {
    expect(withinEditWindow('2026-12-01', '2026-11-10', 0)).toBe(true);
  });

  it('property: open exactly for the days 0…N after the lesson', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -30, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (d, after, n) => {
          const lesson = addDays('2026-09-01', d);
          expect(withinEditWindow(lesson, addDays(lesson, after), n)).toBe(after <= n);
        },
      ),
    );
  });
});
