/** School weeks in a quarter: the unit the minimum of marks is set for. */
export const weeksPerQuarter = 9;

/** Marks per weekly hour in a quarter when the school has not set `minMarksPerQuarterHour`. */
export const defaultMinMarksPerQuarterHour = 3;

/** Marks a student needs at least for a period mark, whatever the load: below it «н/а» looms. */
export const minMarksForPeriodMark = 3;

/** Calendar days from one 'YYYY-MM-DD' date to another, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const ms = new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime();
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

/**
 * The fewest marks a student should have in a course over `days` calendar days:
 * ⌈perQuarterHour × hoursPerWeek × (days / 7) / 9⌉ — `perQuarterHour` marks per weekly hour in a
 * quarter of nine school weeks. Zero days or hours need no marks.
 */
export function minimumMarks(perQuarterHour: number, hoursPerWeek: number, days: number): number {
  if (days <= 0 || hoursPerWeek <= 0 || perQuarterHour <= 0) return 0;
  // Rounded to 1e-9 first so that 3 × 4 × 63/7 / 9 is exactly 12, not 12.000000000000002.
  const exact = (perQuarterHour * hoursPerWeek * (days / 7)) / weeksPerQuarter;
  return Math.ceil(Math.round(exact * 1e9) / 1e9);
}

/** The day up to which a range has passed: its end, or today when the range runs on. */
export function elapsedUntil(to: string, today: string): string {
  return to < today ? to : today;
}

/**
 * The minimum for a range and the minimum so far: over the whole range, and over its days up to
 * today (proportional: mid-quarter the minimum is the part of the quarter elapsed).
 */
export function rangeMinimum(
  perQuarterHour: number,
  hoursPerWeek: number,
  range: { from: string; to: string },
  today: string,
): { whole: number; soFar: number } {
  return {
    whole: minimumMarks(perQuarterHour, hoursPerWeek, daysBetween(range.from, range.to)),
    soFar: minimumMarks(perQuarterHour, hoursPerWeek, daysBetween(range.from, elapsedUntil(range.to, today))),
  };
}

/**
 * Whether a student risks «н/а» (not assessed) for the period: fewer than three marks so far, or
 * absent from more than half of the lessons held while they were in the group.
 */
export function atRiskOfNa(student: { marks: number; missed: number; held: number }): boolean {
  return student.marks < minMarksForPeriodMark || student.missed * 2 > student.held;
}
