/** A calendar entry as the school keeps it: a vacation, a public holiday or a working-day transfer. */
export interface CalendarDay {
  kind: 'vacation' | 'holiday' | 'workday';
  startsOn: string;
  endsOn: string;
  /** Null: every grade; otherwise only this grade (extra holidays for first-graders). */
  grade: number | null;
  /** For a transfer: the weekday (1 = Monday) whose timetable the day follows. */
  asWeekday: number | null;
}

/** What decides whether a class studies on a date. */
export interface ClassCalendar {
  grade: number;
  daysPerWeek: 5 | 6;
  /** The academic year's first and last day. */
  startsOn: string;
  endsOn: string;
  entries: readonly CalendarDay[];
}

const DAY_MS = 86_400_000;

/** The ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The date a number of days after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week that holds the date (Russian weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

const covers = (e: CalendarDay, date: string, grade: number) =>
  e.startsOn <= date && date <= e.endsOn && (e.grade === null || e.grade === grade);

/**
 * The weekday whose timetable a class follows on a date, or null when it has no lessons: outside
 * the year, in vacations and on public holidays, and on days past its 5- or 6-day week unless a
 * working-day transfer makes that day a school day.
 */
export function timetableWeekday(date: string, cal: ClassCalendar): number | null {
  if (date < cal.startsOn || date > cal.endsOn) return null;
  const applicable = cal.entries.filter((e) => covers(e, date, cal.grade));
  if (applicable.some((e) => e.kind !== 'workday')) return null;
  const natural = weekdayOf(date);
  const transfer = applicable.find((e) => e.kind === 'workday');
  if (transfer) return transfer.asWeekday ?? (natural <= cal.daysPerWeek ? natural : 1);
  return natural <= cal.daysPerWeek ? natural : null;
}

/** Every school day of a class from one date to another (inclusive), with the weekday it follows. */
export function schoolDays(
  from: string,
  to: string,
  cal: ClassCalendar,
): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = timetableWeekday(date, cal);
    if (weekday !== null) out.push({ date, weekday });
  }
  return out;
}

/** What is wrong with a calendar entry, by field. */
export interface CalendarEntryProblem {
  field: 'startsOn' | 'endsOn' | 'asWeekday';
  problem: 'endsBeforeStart' | 'outsideYear' | 'transferOneDay' | 'transferWeekday' | 'weekdayNotTransfer';
}

/**
 * The rules of a calendar entry within its year: it ends no earlier than it starts and lies inside
 * the year; a working-day transfer is one day and names the weekday (Monday–Saturday) it follows;
 * vacations and holidays name no weekday.
 */
export function checkCalendarEntry(
  entry: CalendarDay,
  year: { startsOn: string; endsOn: string },
): CalendarEntryProblem[] {
  const out: CalendarEntryProblem[] = [];
  if (entry.startsOn < year.startsOn || entry.startsOn > year.endsOn)
    out.push({ field: 'startsOn', problem: 'outsideYear' });
  if (entry.endsOn < entry.startsOn) out.push({ field: 'endsOn', problem: 'endsBeforeStart' });
  else if (entry.endsOn > year.endsOn) out.push({ field: 'endsOn', problem: 'outsideYear' });
  if (entry.kind === 'workday') {
    if (entry.endsOn !== entry.startsOn && entry.endsOn >= entry.startsOn)
      out.push({ field: 'endsOn', problem: 'transferOneDay' });
    if (entry.asWeekday === null || entry.asWeekday < 1 || entry.asWeekday > 6)
      out.push({ field: 'asWeekday', problem: 'transferWeekday' });
  } else if (entry.asWeekday !== null) out.push({ field: 'asWeekday', problem: 'weekdayNotTransfer' });
  return out;
}
