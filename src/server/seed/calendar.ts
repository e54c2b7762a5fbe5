import Holidays from 'date-holidays';

/** An academic year: 1 September – 31 August. */
export interface YearPlan {
  startYear: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** A study period as stored in `periods`. */
export interface PeriodPlan {
  scheme: 'quarters' | 'halves' | 'year';
  kind: 'term' | 'year' | 'exam' | 'final';
  number: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** A vacation or public holiday as stored in `calendar_entries`. */
export interface CalendarEntryPlan {
  kind: 'vacation' | 'holiday';
  name: string;
  startsOn: string;
  endsOn: string;
  grade: number | null;
}

/** The bell schedule «Основное»: 45-minute lessons, 10-minute breaks, a 20-minute one after the 3rd. */
export const bellTimes: readonly { lessonNumber: number; startsAt: string; endsAt: string }[] = [
  ['08:30', '09:15'],
  ['09:25', '10:10'],
  ['10:20', '11:05'],
  ['11:25', '12:10'],
  ['12:20', '13:05'],
  ['13:15', '14:00'],
  ['14:10', '14:55'],
].map(([startsAt = '', endsAt = ''], i) => ({ lessonNumber: i + 1, startsAt, endsAt }));

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** The first given weekday (0 = Sunday … 6 = Saturday) on or after a date. */
function onOrAfter(d: Date, weekday: number): Date {
  return plus(d, (weekday - d.getUTCDay() + 7) % 7);
}

/** The academic year that contains the date. */
export function academicYearOf(today: Date): YearPlan {
  const startYear = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return {
    startYear,
    name: `${startYear}/${startYear + 1}`,
    startsOn: `${startYear}-09-01`,
    endsOn: `${startYear + 1}-08-31`,
  };
}

/**
 * Quarters, half-years, the year (with its exam and final marks) and the vacations of a year, laid out the way the federal
 * curriculum's calendar does it: 9-day autumn and spring breaks starting on a Saturday, winter
 * from 29 December, an extra February week for grade 1, lessons until 26 May.
 */
export function planCalendar(year: YearPlan): { periods: PeriodPlan[]; entries: CalendarEntryPlan[] } {
  const y = year.startYear;
  const first = onOrAfter(day(y, 9, 1), 1);
  const start = day(y, 9, 1).getUTCDay() % 6 === 0 ? first : day(y, 9, 1);
  const autumn = onOrAfter(day(y, 10, 24), 6);
  const winter = day(y, 12, 29);
  const winterEnd = onOrAfter(day(y + 1, 1, 8), 0);
  const february = onOrAfter(day(y + 1, 2, 14), 6);
  const spring = onOrAfter(day(y + 1, 3, 21), 6);
  const may26 = day(y + 1, 5, 26);
  const last = plus(may26, may26.getUTCDay() === 6 ? -1 : may26.getUTCDay() === 0 ? -2 : 0);

  const quarters: [Date, Date][] = [
    [start, plus(autumn, -1)],
    [plus(autumn, 9), plus(winter, -1)],
    [plus(winterEnd, 1), plus(spring, -1)],
    [plus(spring, 9), last],
  ];
  const term = (scheme: PeriodPlan['scheme'], number: number, name: string, from: Date, to: Date) =>
    ({ scheme, kind: 'term', number, name, startsOn: iso(from), endsOn: iso(to) }) as const;
  const periods: PeriodPlan[] = [
    ...quarters.map(([from, to], i) => term('quarters', i + 1, `${i + 1} четверть`, from, to)),
    term('halves', 1, '1 полугодие', start, plus(winter, -1)),
    term('halves', 2, '2 полугодие', plus(winterEnd, 1), last),
    ...(
      [
        ['year', 'Год'],
        ['exam', 'Экзамен'],
        ['final', 'Итоговая'],
      ] as const
    ).map(
      ([kind, name]) =>
        ({ scheme: 'year', kind, number: 1, name, startsOn: iso(start), endsOn: iso(last) }) as const,
    ),
  ];

  const vacation = (name: string, from: Date, to: Date, grade: number | null = null): CalendarEntryPlan => ({
    kind: 'vacation',
    name,
    startsOn: iso(from),
    endsOn: iso(to),
    grade,
  });
  const entries = [
    vacation('Осенние каникулы', autumn, plus(autumn, 8)),
    vacation('Зимние каникулы', winter, winterEnd),
    vacation('Дополнительные каникулы для 1 классов', february, plus(february, 8), 1),
    vacation('Весенние каникулы', spring, plus(spring, 8)),
    vacation('Летние каникулы', plus(last, 1), day(y + 1, 8, 31)),
    ...publicHolidays(year),
  ];
  return { periods, entries };
}

/** Russian public holidays (date-holidays) that fall within the academic year. */
export function publicHolidays(year: YearPlan): CalendarEntryPlan[] {
  const holidays = new Holidays('RU');
  const seen = new Set<string>();
  const out: CalendarEntryPlan[] = [];
  for (const h of [...holidays.getHolidays(year.startYear), ...holidays.getHolidays(year.startYear + 1)]) {
    const date = h.date.slice(0, 10);
    if (h.type !== 'public' || date < year.startsOn || date > year.endsOn || seen.has(date)) continue;
    seen.add(date);
    out.push({ kind: 'holiday', name: h.name, startsOn: date, endsOn: date, grade: null });
  }
  return out;
}

/** Which period scheme a grade follows: quarters in grades 1–9, half-years in 10–11. */
export function schemeOfGrade(grade: number): 'quarters' | 'halves' {
  return grade >= 10 ? 'halves' : 'quarters';
}
