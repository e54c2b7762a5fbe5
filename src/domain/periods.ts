import { addDays, weekdayOf } from './school-days.ts';

/** How a grade level divides its year: quarters, trimesters or half-years. */
export type PeriodScheme = 'quarters' | 'trimesters' | 'halves';
/** The schemes a grade can follow. */
export const periodSchemes = ['quarters', 'trimesters', 'halves'] as const;

/** How many study periods each scheme has. */
export const periodCount: Record<PeriodScheme, number> = { quarters: 4, trimesters: 3, halves: 2 };

const periodWord: Record<PeriodScheme, string> = {
  quarters: 'четверть',
  trimesters: 'триместр',
  halves: 'полугодие',
};

/** The Russian name of a study period: «1 четверть», «2 триместр», «1 полугодие». */
export function periodName(scheme: PeriodScheme, number: number): string {
  return `${number} ${periodWord[scheme]}`;
}

/** A span of dates, both ends included ('YYYY-MM-DD'). */
export interface DateRange {
  startsOn: string;
  endsOn: string;
}

/** Whether two date ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** Whether a 'YYYY-MM-DD' string is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** What is wrong with a list of periods, by the period's index and field (index null: the list). */
export interface PeriodProblem {
  index: number | null;
  field: 'startsOn' | 'endsOn' | 'periods';
  problem: 'endsBeforeStart' | 'outsideYear' | 'order' | 'count';
}

/**
 * The rules of a scheme's periods: as many as the scheme has, each inside the year and ending no
 * earlier than it starts, in order and without sharing a day. Empty when the periods are sound.
 */
export function checkPeriods(scheme: PeriodScheme, year: DateRange, periods: DateRange[]): PeriodProblem[] {
  const out: PeriodProblem[] = [];
  if (periods.length !== periodCount[scheme]) out.push({ index: null, field: 'periods', problem: 'count' });
  periods.forEach((p, index) => {
    if (p.endsOn < p.startsOn) out.push({ index, field: 'endsOn', problem: 'endsBeforeStart' });
    if (p.startsOn < year.startsOn || p.startsOn > year.endsOn)
      out.push({ index, field: 'startsOn', problem: 'outsideYear' });
    if (p.endsOn > year.endsOn || p.endsOn < year.startsOn)
      out.push({ index, field: 'endsOn', problem: 'outsideYear' });
    const prev = periods[index - 1];
    if (prev && p.startsOn <= prev.endsOn) out.push({ index, field: 'startsOn', problem: 'order' });
  });
  return out;
}

/** A study period with its number and name, as the defaults propose it. */
export interface PeriodDraft extends DateRange {
  number: number;
  name: string;
}

/** The first date on or after `date` that falls on the ISO weekday (1 = Monday … 7 = Sunday). */
function onOrAfter(date: string, weekday: number): string {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

/** The date itself on a weekday, else the Friday before it. */
function weekdayOnOrBefore(date: string): string {
  const w = weekdayOf(date);
  return w <= 5 ? date : addDays(date, 5 - w);
}

/** The date itself on a weekday, else the Monday after it. */
function weekdayOnOrAfter(date: string): string {
  const w = weekdayOf(date);
  return w <= 5 ? date : addDays(date, 8 - w);
}

/**
 * The usual Russian layout of a year's periods, for the administrator to adjust: lessons from
 * 1 September (or the Monday after) to about 26 May; 9-day autumn and spring breaks starting on a
 * Saturday after 24 October and 21 March; winter break from 29 December to the Sunday after 8 January.
 */
export function defaultPeriods(scheme: PeriodScheme, year: DateRange): PeriodDraft[] {
  const y = Number(year.startsOn.slice(0, 4));
  const next = y + 1;
  const first = weekdayOnOrAfter(`${y}-09-01`);
  const autumn = onOrAfter(`${y}-10-24`, 6);
  const winterEnd = onOrAfter(`${next}-01-08`, 7);
  const spring = onOrAfter(`${next}-03-21`, 6);
  const last = weekdayOnOrBefore(`${next}-05-26`);
  const spans: Record<PeriodScheme, [string, string][]> = {
    quarters: [
      [first, addDays(autumn, -1)],
      [addDays(autumn, 9), weekdayOnOrBefore(`${y}-12-28`)],
      [addDays(winterEnd, 1), addDays(spring, -1)],
      [addDays(spring, 9), last],
    ],
    trimesters: [
      [first, weekdayOnOrBefore(`${y}-11-30`)],
      [weekdayOnOrAfter(`${y}-12-01`), weekdayOnOrBefore(addDays(`${next}-03-01`, -1))],
      [weekdayOnOrAfter(`${next}-03-01`), last],
    ],
    halves: [
      [first, weekdayOnOrBefore(`${y}-12-28`)],
      [addDays(winterEnd, 1), last],
    ],
  };
  return spans[scheme].map(([startsOn, endsOn], i) => ({
    number: i + 1,
    name: periodName(scheme, i + 1),
    startsOn,
    endsOn,
  }));
}

/** A vacation as the defaults propose it (grade null: every grade). */
export interface VacationDraft extends DateRange {
  name: string;
  grade: number | null;
}

/**
 * The usual vacations of a year, the gaps between the default quarters: autumn, winter, spring
 * and summer for everyone, and the extra February week for grade 1 (from the Saturday after 14 February).
 */
export function defaultVacations(year: DateRange): VacationDraft[] {
  const [q1, q2, q3, q4] = defaultPeriods('quarters', year) as [
    PeriodDraft,
    PeriodDraft,
    PeriodDraft,
    PeriodDraft,
  ];
  const between = (name: string, a: DateRange, b: DateRange): VacationDraft => ({
    name,
    startsOn: addDays(a.endsOn, 1),
    endsOn: addDays(b.startsOn, -1),
    grade: null,
  });
  const february = onOrAfter(`${Number(year.startsOn.slice(0, 4)) + 1}-02-14`, 6);
  return [
    between('Осенние каникулы', q1, q2),
    between('Зимние каникулы', q2, q3),
    {
      name: 'Дополнительные каникулы для 1 классов',
      startsOn: february,
      endsOn: addDays(february, 8),
      grade: 1,
    },
    between('Весенние каникулы', q3, q4),
    { name: 'Летние каникулы', startsOn: addDays(q4.endsOn, 1), endsOn: year.endsOn, grade: null },
  ];
}

/** A lesson's times in a bell schedule ('HH:MM'). */
export interface BellTime {
  lessonNumber: number;
  startsAt: string;
  endsAt: string;
}

/** What is wrong with a bell schedule, by the lesson's index and field. */
export interface BellProblem {
  index: number;
  field: 'lessonNumber' | 'startsAt' | 'endsAt';
  problem: 'duplicate' | 'endsBeforeStart' | 'order';
}

/**
 * The rules of a bell schedule: each lesson number once, each lesson ending after it starts, and
 * a later lesson number starting after the earlier one has ended (times rise, nothing overlaps).
 */
export function checkBellTimes(times: BellTime[]): BellProblem[] {
  const out: BellProblem[] = [];
  const seen = new Set<number>();
  times.forEach((t, index) => {
    if (seen.has(t.lessonNumber)) out.push({ index, field: 'lessonNumber', problem: 'duplicate' });
    seen.add(t.lessonNumber);
    if (t.endsAt <= t.startsAt) out.push({ index, field: 'endsAt', problem: 'endsBeforeStart' });
  });
  const sorted = times.map((t, index) => ({ ...t, index })).sort((a, b) => a.lessonNumber - b.lessonNumber);
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    if (prev && prev.lessonNumber !== t.lessonNumber && t.startsAt < prev.endsAt)
      out.push({ index: t.index, field: 'startsAt', problem: 'order' });
  });
  return out;
}

/** The weekdays (1 = Monday) claimed by more than one bell set. */
export function sharedWeekdays(sets: readonly (readonly number[])[]): number[] {
  const count = new Map<number, number>();
  for (const set of sets) for (const d of new Set(set)) count.set(d, (count.get(d) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([d]) => d);
}
