import { z } from 'zod';
import { reportRange } from './reports.ts';

/** The entries every held lesson must have: topic, homework, attendance. */
export const keepingEntries = ['topic', 'homework', 'attendance'] as const;
/** One of the entries every held lesson must have. */
export const keepingEntry = z.enum(keepingEntries);
/** An entry of a lesson. */
export type KeepingEntry = z.infer<typeof keepingEntry>;

const counts = {
  /** Lessons held: not cancelled, dated within the range and not after today. */
  held: z.number(),
  noTopic: z.number(),
  noHomework: z.number(),
  noAttendance: z.number(),
  lateTopic: z.number(),
  lateHomework: z.number(),
  lateAttendance: z.number(),
  /** Marks for written works entered after their deadline. */
  lateMarks: z.number(),
  /** Missing and late entries, a lesson with late written-work marks counting once. */
  problems: z.number(),
  /** problems / held: the order of «worst first». */
  score: z.number(),
};

/** One journal's keeping in the range. */
export const keepingCourse = z.object({
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  className: z.string().nullable(),
  teacherId: z.number(),
  teacher: z.string(),
  ...counts,
});

/** A held lesson with something missing or late: the drill-down list. */
export const keepingLesson = z.object({
  lessonId: z.number(),
  courseId: z.number(),
  date: z.string(),
  lessonNumber: z.number(),
  subject: z.string(),
  group: z.string(),
  className: z.string().nullable(),
  /** Who gave the lesson (a substitute, when there was one). */
  teacherId: z.number(),
  teacher: z.string(),
  missing: z.array(keepingEntry),
  late: z.array(keepingEntry),
  lateMarks: z.number(),
});

/** The school's (or the teacher's) totals with the completeness and timeliness percentages. */
export const keepingTotalsSchema = z.object({
  ...counts,
  /** 3 × held: a topic, a homework and an attendance per held lesson. */
  expected: z.number(),
  /** How many of the expected entries are there. */
  filled: z.number(),
  /** Entries made that a timeliness rule judges; a lesson's written-work marks count as one. */
  entries: z.number(),
  lateEntries: z.number(),
  /** filled / expected × 100, one decimal; null with no held lesson. */
  completeness: z.number().nullable(),
  /** (entries − lateEntries) / entries × 100, one decimal; null with no judged entry. */
  timeliness: z.number().nullable(),
});

/** Problems per teacher, for the bar chart. */
export const keepingTeacher = z.object({
  teacherId: z.number(),
  teacher: z.string(),
  held: z.number(),
  problems: z.number(),
});

/** `GET /api/reports/keeping`: «Ведение журнала». */
export const keepingAnswer = z.object({
  range: reportRange,
  /** The school's time zone the rules were judged in. */
  timeZone: z.string(),
  /** The last day looked at: the end of the range or today, whichever is earlier (before `from` when the range is all ahead). */
  until: z.string(),
  courses: z.array(keepingCourse),
  totals: keepingTotalsSchema,
  teachers: z.array(keepingTeacher),
  /** Problem lessons, newest first, at most `lessonLimit`. */
  lessons: z.array(keepingLesson),
  /** How many more problem lessons there are beyond the list. */
  truncated: z.number(),
});
/** «Ведение журнала» as the API answers it. */
export type KeepingAnswer = z.infer<typeof keepingAnswer>;

/** A teacher's day on the heat map. */
export const heatCell = z.object({
  date: z.string(),
  held: z.number(),
  /** Lessons with a missing entry. */
  missing: z.number(),
  /** Lessons with a late entry (or late written-work marks). */
  late: z.number(),
});

/** `GET /api/reports/heatmap`: teachers × days. */
export const heatmapAnswer = z.object({
  range: reportRange,
  /** The days shown: at most 31, the last 4 weeks of a longer range. */
  from: z.string(),
  to: z.string(),
  /** The days with held lessons, in order. */
  days: z.array(z.string()),
  teachers: z.array(
    z.object({
      teacherId: z.number(),
      teacher: z.string(),
      cells: z.array(heatCell),
      held: z.number(),
      missing: z.number(),
      late: z.number(),
    }),
  ),
});
/** The heat map as the API answers it. */
export type HeatmapAnswer = z.infer<typeof heatmapAnswer>;
