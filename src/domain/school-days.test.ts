import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type ClassCalendar,
  mondayOf,
  schoolDays,
  timetableWeekday,
  weekdayOf,
} from './school-days.ts';

const year: ClassCalendar = {
  grade: 5,
  daysPerWeek: 5,
  startsOn: '2026-09-01',
  endsOn: '2027-05-31',
  entries: [
    { kind: 'vacation', startsOn: '2026-10-26', endsOn: '2026-11-03', grade: null, asWeekday: null },
    { kind: 'holiday', startsOn: '2026-11-04', endsOn: '2026-11-04', grade: null, asWeekday: null },
    { kind: 'vacation', startsOn: '2027-02-08', endsOn: '2027-02-14', grade: 1, asWeekday: null },
    { kind: 'workday', startsOn: '2026-11-14', endsOn: '2026-11-14', grade: null, asWeekday: 3 },
  ],
};

describe('school days', () => {
  it('knows the weekday of a date, Monday first', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('has no lessons in vacations, on public holidays, at weekends or outside the year', () => {
    expect(timetableWeekday('2026-10-28', year)).toBeNull();
    expect(timetableWeekday('2026-11-04', year)).toBeNull();
    expect(timetableWeekday('2026-11-07', year)).toBeNull();
    expect(timetableWeekday('2026-08-31', year)).toBeNull();
    expect(timetableWeekday('2026-11-05', year)).toBe(4);
  });

  it('makes a transferred Saturday a school day following the named weekday', () => {
    expect(timetableWeekday('2026-11-14', year)).toBe(3);
  });

  it('applies grade-only vacations to that grade alone', () => {
    expect(timetableWeekday('2027-02-09', year)).toBe(2);
    expect(timetableWeekday('2027-02-09', { ...year, grade: 1 })).toBeNull();
  });

  it('gives a 6-day class its Saturdays', () => {
    expect(timetableWeekday('2026-11-07', { ...year, daysPerWeek: 6 })).toBe(6);
  });

  it('never yields a Sunday, a vacation day or a date outside the range', () => {
    const dates = fc.integer({ min: 0, max: 300 }).map((n) => addDays('2026-09-01', n));
    fc.assert(
      fc.property(dates, dates, fc.constantFrom<5 | 6>(5, 6), (a, b, daysPerWeek) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cal = { ...year, daysPerWeek };
        for (const { date, weekday } of schoolDays(from, to, cal)) {
          expect(date >= from && date <= to).toBe(true);
          expect(weekday).toBeLessThanOrEqual(6);
          expect(date >= '2026-10-26' && date <= '2026-11-04').toBe(false);
          if (weekdayOf(date) === 7) return false;
        }
        return true;
      }),
    );
  });
});
