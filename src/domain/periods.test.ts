import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBellTimes,
  checkPeriods,
  defaultPeriods,
  defaultVacations,
  isCalendarDate,
  periodCount,
  periodName,
  periodSchemes,
  rangesOverlap,
  sharedWeekdays,
} from './periods.ts';
import { addDays, weekdayOf } from './school-days.ts';

const year = { startsOn: '2026-09-01', endsOn: '2027-08-31' };

describe('study periods', () => {
  it('names periods the Russian way', () => {
    expect(periodName('quarters', 1)).toBe('1 четверть');
    expect(periodName('trimesters', 2)).toBe('2 триместр');
    expect(periodName('halves', 2)).toBe('2 полугодие');
  });

  it('proposes the usual quarters of 2026/2027', () => {
    expect(defaultPeriods('quarters', year)).toEqual([
      { number: 1, name: '1 четверть', startsOn: '2026-09-01', endsOn: '2026-10-23' },
      { number: 2, name: '2 четверть', startsOn: '2026-11-02', endsOn: '2026-12-28' },
      { number: 3, name: '3 четверть', startsOn: '2027-01-11', endsOn: '2027-03-26' },
      { number: 4, name: '4 четверть', startsOn: '2027-04-05', endsOn: '2027-05-26' },
    ]);
  });

  it('accepts the defaults of every scheme for any year, and they start and end on weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.constantFrom(...periodSchemes), (y, scheme) => {
        const range = { startsOn: `${y}-09-01`, endsOn: `${y + 1}-08-31` };
        const periods = defaultPeriods(scheme, range);
        expect(checkPeriods(scheme, range, periods)).toEqual([]);
        for (const p of periods) {
          expect(weekdayOf(p.startsOn)).toBeLessThanOrEqual(5);
          expect(weekdayOf(p.endsOn)).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('refuses a wrong count, periods outside the year, reversed and overlapping periods', () => {
    const q = defaultPeriods('quarters', year);
    expect(checkPeriods('trimesters', year, q)).toEqual([
      { index: null, field: 'periods', problem: 'count' },
    ]);
    const outside = q.map((p, i) => (i === 0 ? { ...p, startsOn: '2026-08-25' } : p));
    expect(checkPeriods('quarters', year, outside)).toEqual([
      { index: 0, field: 'startsOn', problem: 'outsideYear' },
    ]);
    const reversed = q.map((p, i) => (i === 1 ? { ...p, endsOn: '2026-11-01' } : p));
    expect(checkPeriods('quarters', year, reversed)).toContainEqual({
      index: 1,
      field: 'endsOn',
      problem: 'endsBeforeStart',
    });
    const overlapping = q.map((p, i) => (i === 2 ? { ...p, startsOn: '2026-12-28' } : p));
    expect(checkPeriods('quarters', year, overlapping)).toEqual([
      { index: 2, field: 'startsOn', problem: 'order' },
    ]);
  });

  it('finds no problem exactly when the periods are in order, inside the year and sized right', () => {
    const dates = fc.integer({ min: -20, max: 400 }).map((n) => addDays(year.startsOn, n));
    fc.assert(
      fc.property(
        fc.constantFrom(...periodSchemes),
        fc.array(fc.tuple(dates, dates), { minLength: 1, maxLength: 5 }),
        (scheme, pairs) => {
          const periods = pairs.map(([startsOn, endsOn]) => ({ startsOn, endsOn }));
          const sound =
            periods.length === periodCount[scheme] &&
            periods.every(
              (p, i) =>
                p.startsOn <= p.endsOn &&
                p.startsOn >= year.startsOn &&
                p.endsOn <= year.endsOn &&
                (i === 0 || periods[i - 1]!.endsOn < p.startsOn),
            );
          expect(checkPeriods(scheme, year, periods).length === 0).toBe(sound);
          if (sound)
            periods.forEach((p, i) => {
              for (const other of periods.slice(i + 1)) expect(rangesOverlap(p, other)).toBe(false);
            });
        },
      ),
    );
  });

  it('proposes the usual vacations of 2026/2027', () => {
    expect(defaultVacations(year).map((v) => `${v.name} ${v.startsOn}–${v.endsOn} ${v.grade ?? ''}`)).toEqual(
      [
        'Осенние каникулы 2026-10-24–2026-11-01 ',
        'Зимние каникулы 2026-12-29–2027-01-10 ',
        'Дополнительные каникулы для 1 классов 2027-02-20–2027-02-28 1',
        'Весенние каникулы 2027-03-27–2027-04-04 ',
        'Летние каникулы 2027-05-27–2027-08-31 ',
      ],
    );
  });

  it('proposes vacations inside the year that never fall on a default quarter day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), (y) => {
        const range = { startsOn: `${y}-09-01`, endsOn: `${y + 1}-08-31` };
        const quarters = defaultPeriods('quarters', range);
        for (const v of defaultVacations(range)) {
          expect(v.startsOn <= v.endsOn).toBe(true);
          expect(v.startsOn >= range.startsOn && v.endsOn <= range.endsOn).toBe(true);
          if (v.grade === null) for (const q of quarters) expect(rangesOverlap(v, q)).toBe(false);
        }
      }),
    );
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
  });
});

describe('bell schedules', () => {
  const bells = [
    { lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' },
    { lessonNumber: 2, startsAt: '09:25', endsAt: '10:10' },
    { lessonNumber: 3, startsAt: '10:20', endsAt: '11:05' },
  ];

  it('accepts rising times with breaks, in any order of entry', () => {
    expect(checkBellTimes(bells)).toEqual([]);
    expect(checkBellTimes([...bells].reverse())).toEqual([]);
  });

  it('refuses a lesson ending before it starts, overlaps and repeated numbers', () => {
    expect(checkBellTimes([{ lessonNumber: 1, startsAt: '09:15', endsAt: '08:30' }])).toEqual([
      { index: 0, field: 'endsAt', problem: 'endsBeforeStart' },
    ]);
    expect(checkBellTimes([bells[0]!, { lessonNumber: 2, startsAt: '09:00', endsAt: '09:45' }])).toEqual([
      { index: 1, field: 'startsAt', problem: 'order' },
    ]);
    expect(checkBellTimes([bells[0]!, { ...bells[1]!, lessonNumber: 1 }])).toContainEqual({
      index: 1,
      field: 'lessonNumber',
      problem: 'duplicate',
    });
  });

  it('accepts exactly the schedules whose lessons follow one another', () => {
    const hhmm = fc.integer({ min: 0, max: 1439 }).map((m) => {
      const h = String(Math.floor(m / 60)).padStart(2, '0');
      return `${h}:${String(m % 60).padStart(2, '0')}`;
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(hhmm, hhmm), { minLength: 1, maxLength: 8 }), (pairs) => {
        const times = pairs.map(([startsAt, endsAt], i) => ({ lessonNumber: i + 1, startsAt, endsAt }));
        const sound = times.every(
          (t, i) => t.startsAt < t.endsAt && (i === 0 || times[i - 1]!.endsAt <= t.startsAt),
        );
        expect(checkBellTimes(times).length === 0).toBe(sound);
      }),
    );
  });

  it('finds weekdays claimed by two sets', () => {
    expect(sharedWeekdays([[1, 2, 3, 4, 5], [6]])).toEqual([]);
    expect(sharedWeekdays([[1, 2, 3, 4, 5, 6], [6]])).toEqual([6]);
  });
});
