/** Why a student missed a lesson: a reason the class teacher set, or none yet («н»). */
export type MissReason = 'illness' | 'excused' | 'unexcused' | 'none';

/** The reasons in the order the reports show them. */
export const missReasons: readonly MissReason[] = ['illness', 'excused', 'unexcused', 'none'];

/** A student's school day: the held lessons of theirs and the absences by reason. */
export interface StudentDay {
  /** Held lessons of the groups the student was a member of that day. */
  lessons: number;
  absent: Record<MissReason, number>;
}

/** Absences by reason and their total. */
export type AbsenceCounts = Record<MissReason, number> & { total: number };

/** Missed days by reason, `mixed` when the day's absences had different reasons («разные»). */
export type MissedDayCounts = AbsenceCounts & { mixed: number };

/** The share of a month's lessons above which a student is listed: 30 %. */
export const overThresholdPercent = 30;

/** No absence of any reason. */
export function noAbsences(): AbsenceCounts {
  return { illness: 0, excused: 0, unexcused: 0, none: 0, total: 0 };
}

/** No missed day. */
export function noMissedDays(): MissedDayCounts {
  return { ...noAbsences(), mixed: 0 };
}

/** The absences of a day added up over the reasons. */
export function absentTotal(absent: Record<MissReason, number>): number {
  return missReasons.reduce((sum, r) => sum + absent[r], 0);
}

/**
 * Whether a day is a missed day and why: the student was absent from every held lesson of theirs
 * that day (at least one). The reason is the one every absence shares, else 'mixed'; null when the
 * day is not missed.
 */
export function missedDay(day: StudentDay): MissReason | 'mixed' | null {
  const total = absentTotal(day.absent);
  if (day.lessons === 0 || total < day.lessons) return null;
  const used = missReasons.filter((r) => day.absent[r] > 0);
  return used.length === 1 ? used[0]! : 'mixed';
}

/** Missed days of a list of days, by reason. */
export function countMissedDays(days: readonly StudentDay[]): MissedDayCounts {
  const out = noMissedDays();
  for (const day of days) {
    const why = missedDay(day);
    if (why === null) continue;
    out[why] += 1;
    out.total += 1;
  }
  return out;
}

/** part / whole × 100 rounded to one decimal; null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** The attendance rate: (expected − absent) / expected × 100, one decimal; null with nothing expected. */
export function attendancePercent(expected: number, absent: number): number | null {
  return percentOf(expected - absent, expected);
}

/**
 * The 30 % rule: a student missed over 30 % of the lessons they should have attended in a month
 * (strictly more: 3 of 10 is not over, 4 of 10 is). Compared exactly, not on the rounded percent.
 */
export function isOverThreshold(missed: number, expected: number, threshold = overThresholdPercent): boolean {
  return expected > 0 && missed * 100 > threshold * expected;
}
