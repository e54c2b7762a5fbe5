import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type ClassCalendar,
  checkCalendarEntry,
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

describe('calendar entries', () => {
  const range = { startsOn: '2026-09-01', endsOn: '2027-08-31' };
  const entry = { grade: null, asWeekday: null } as const;

  it('accepts a vacation and a one-day transfer inside the year', () => {
    expect(
      checkCalendarEntry({ ...entry, kind: 'vacation', startsOn: '2026-10-24', endsOn: '2026-11-01' }, range),
    ).toEqual([]);
    expect(
      checkCalendarEntry(
        { ...entry, kind: 'workday', startsOn: '2026-11-14', endsOn: '2026-11-14', asWeekday: 3 },
        range,
      ),
    ).toEqual([]);
  });

  it('refuses reversed and outside entries, long transfers and transfers without a weekday', () => {
    expect(
      checkCalendarEntry({ ...entry, kind: 'holiday', startsOn: '2026-11-05', endsOn: '2026-11-04' }, range),
    ).toEqual([{ field: 'endsOn', problem: 'endsBeforeStart' }]);
    expect(
      checkCalendarEntry({ ...entry, kind: 'vacation', startsOn: '2026-08-30', endsOn: '2026-09-02' }, range),
    ).toEqual([{ field: 'startsOn', problem: 'outsideYear' }]);
    expect(
      checkCalendarEntry({ ...entry, kind: 'workday', startsOn: '2026-11-14', endsOn: '2026-11-15' }, range),
    ).toEqual([
      { field: 'endsOn', problem: 'transferOneDay' },
      { field: 'asWeekday', problem: 'transferWeekday' },
    ]);
    expect(
      checkCalendarEntry(
        { ...entry, kind: 'vacation', startsOn: '2026-11-14', endsOn: '2026-11-14', asWeekday: 2 },
        range,
      ),
    ).toEqual([{ field: 'asWeekday', problem: 'weekdayNotTransfer' }]);
  });

  it('makes an accepted transfer a school day following its weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 6 }), (offset, asWeekday) => {
        const date = addDays('2026-09-01', offset);
        const transfer = { kind: 'workday', startsOn: date, endsOn: date, grade: null, asWeekday } as const;
        expect(checkCalendarEntry(transfer, range)).toEqual([]);
        const cal: ClassCalendar = { ...year, entries: [transfer] };
        expect(timetableWeekday(date, cal)).toBe(asWeekday);
      }),
    );
  });
});
