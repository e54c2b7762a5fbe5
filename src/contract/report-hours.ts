import { z } from 'zod';
import { reportRange } from './reports.ts';

/** The counts of lessons of the hours report, for a course, a month or a teacher's total. */
export const hoursCounts = z.object({
  /** Lessons the weekly timetable put into the teacher's own courses, cancelled or not. */
  planned: z.number(),
  /** Lessons the teacher gave (not cancelled, not after today): own courses and substitutions. */
  held: z.number(),
  /** Cancelled lessons of the teacher's own courses. */
  cancelled: z.number(),
  /** Lessons the teacher gave for another teacher's course. */
  given: z.number(),
  /** Lessons of the teacher's own courses given by someone else. */
  received: z.number(),
});

/** One course of a teacher in a month: own, or one the teacher substituted in. */
export const hoursCourse = hoursCounts.extend({
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  /** Whether the course is the teacher's own (false: only substitutions there). */
  own: z.boolean(),
});

/** A teacher's month: the counts and the per-course breakdown. */
export const hoursMonth = hoursCounts.extend({
  /** 'YYYY-MM'. */
  month: z.string(),
  courses: z.array(hoursCourse),
});

/** `GET /api/reports/hours`: lessons per teacher per calendar month («Учёт часов»). */
export const hoursReport = z.object({
  range: reportRange,
  /** The calendar months overlapping the range, 'YYYY-MM', in order. */
  months: z.array(z.string()),
  teachers: z.array(
    z.object({
      teacherId: z.number(),
      teacher: z.string(),
      months: z.array(hoursMonth),
      total: hoursCounts,
    }),
  ),
});
/** The hours report. */
export type HoursReport = z.infer<typeof hoursReport>;

/** Absences by reason: «б» illness, «уп» excused, unexcused, and «н» with no reason yet. */
export const absenceCounts = z.object({
  illness: z.number(),
  excused: z.number(),
  unexcused: z.number(),
  none: z.number(),
  total: z.number(),
});

/** Missed days by the reason all of the day's absences share, or «разные» (mixed). */
export const missedDayCounts = absenceCounts.extend({ mixed: z.number() });

/** A month of a student: lessons they should have attended and how many they missed. */
export const attendanceMonth = z.object({
  month: z.string(),
  expected: z.number(),
  missed: z.number(),
  /** missed / expected × 100, one decimal; null when no lesson was held. */
  percent: z.number().nullable(),
  /** Over the 30 % line. */
  over: z.boolean(),
});

/** `GET /api/reports/attendance`: missed lessons and days per class and per student. */
export const attendanceReport = z.object({
  range: reportRange,
  /** The share of a month's lessons above which a student is listed (30). */
  thresholdPercent: z.number(),
  classes: z.array(
    z.object({
      classId: z.number().nullable(),
      className: z.string(),
      students: z.number(),
      expected: z.number(),
      absent: absenceCounts,
      late: z.number(),
      missedDays: missedDayCounts,
      /** (expected − absent) / expected × 100, one decimal; null with no lesson held. */
      attendancePercent: z.number().nullable(),
    }),
  ),
  students: z.array(
    z.object({
      studentId: z.number(),
      name: z.string(),
      classId: z.number().nullable(),
      className: z.string(),
      expected: z.number(),
      absent: absenceCounts,
      late: z.number(),
      missedDays: missedDayCounts,
      months: z.array(attendanceMonth),
    }),
  ),
  /** Students who missed over 30 % of a month's lessons, one row per student and month. */
  over: z.array(
    z.object({
      studentId: z.number(),
      name: z.string(),
      className: z.string(),
      month: z.string(),
      expected: z.number(),
      missed: z.number(),
      percent: z.number(),
    }),
  ),
});
/** The attendance report. */
export type AttendanceReport = z.infer<typeof attendanceReport>;
