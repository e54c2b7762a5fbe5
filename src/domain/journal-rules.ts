import { addDays } from './school-days.ts';

/** A stretch of days a student belongs to a group: from a date, to a date or open-ended. */
export interface Span {
  startsOn: string;
  endsOn: string | null;
}

/** Whether a student with these memberships was in the group on a date (ISO dates compare as text). */
export function memberOn(spans: readonly Span[], date: string): boolean {
  return spans.some((s) => s.startsOn <= date && (s.endsOn === null || s.endsOn >= date));
}

/** Whether any membership touches the days from `from` to `to`: the student has a row in that grid. */
export function memberDuring(spans: readonly Span[], from: string, to: string): boolean {
  return spans.some((s) => s.startsOn <= to && (s.endsOn === null || s.endsOn >= from));
}

/**
 * Whether a lesson's marks and attendance may still be changed without a reason: up to
 * `windowDays` days after the lesson (0: the same day only). A lesson in the future is open.
 */
export function withinEditWindow(lessonDate: string, today: string, windowDays: number): boolean {
  return today <= addDays(lessonDate, windowDays);
}
