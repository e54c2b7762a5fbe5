import { z } from 'zod';
import { reportRange } from './reports.ts';

/** A course as a report row names it. */
const courseRow = {
  courseId: z.number(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  subject: z.string(),
  group: z.string(),
  teacher: z.string(),
  hoursPerWeek: z.number(),
};

/** A student who risks «н/а»: their marks, the lessons they missed of those held while in the group. */
export const atRiskStudent = z.object({
  studentId: z.number(),
  name: z.string(),
  marks: z.number(),
  missed: z.number(),
  held: z.number(),
});

/** `GET /api/reports/density`: marks per student in each course against the minimum, and «н/а» risks. */
export const densityAnswer = z.object({
  range: reportRange,
  /** The day the figures run to: the range's end, or today while the range runs on. */
  until: z.string(),
  minMarksPerQuarterHour: z.number(),
  courses: z.array(
    z.object({
      ...courseRow,
      /** Students in the group on `until`. */
      students: z.number(),
      /** Lessons held (not cancelled) from the range's start to `until`. */
      held: z.number(),
      /** The minimum of marks over the whole range, and so far (to `until`). */
      minimum: z.number(),
      minimumSoFar: z.number(),
      /** Students with fewer marks than `minimumSoFar`. */
      belowMinimum: z.number(),
      /** Marks per student, one decimal (null without students). */
      averageMarks: z.number().nullable(),
      atRisk: z.array(atRiskStudent),
    }),
  ),
});

/** `GET /api/reports/ktp`: per course the КТП against the lessons held and those still ahead. */
export const ktpAnswer = z.object({
  range: reportRange,
  /** The day plan and fact are compared on: the range's end, or today while the range runs on. */
  until: z.string(),
  courses: z.array(
    z.object({
      ...courseRow,
      /** Hours of all topics of the КТП (0: no КТП). */
      plannedHours: z.number(),
      /** Hours of the topics due by `until` (the plan page's rule). */
      plannedToDate: z.number(),
      /** Lessons not cancelled dated up to `until`, and those of them with a topic. */
      held: z.number(),
      heldWithTopic: z.number(),
      /** plannedToDate − heldWithTopic: positive is behind the plan. */
      lag: z.number(),
      /** Lessons not cancelled after `until` to the end of the year. */
      remaining: z.number(),
      /** Hours of the plan not yet given: max(0, plannedHours − heldWithTopic). */
      left: z.number(),
      /** Whether the remaining lessons are enough for the rest of the plan. */
      canCatchUp: z.boolean(),
    }),
  ),
});

/** The kinds of warnings on assessment procedures. */
export const assessmentWarningKinds = ['sameDay', 'tooClose', 'overShare', 'edgeLesson'] as const;

/** `GET /api/reports/assessments`: the schedule of assessment procedures and the warnings on it. */
export const assessmentsAnswer = z.object({
  range: reportRange,
  /** The dates the schedule covers: the period's, else the whole academic year. */
  from: z.string(),
  to: z.string(),
  schedule: z.array(
    z.object({
      classId: z.number(),
      className: z.string(),
      subjectId: z.number(),
      subject: z.string(),
      procedures: z.array(
        z.object({
          lessonId: z.number(),
          courseId: z.number(),
          date: z.string(),
          lessonNumber: z.number(),
          /** What made it a procedure: an assessment mark column, or the КТП topic's kind of control. */
          source: z.enum(['markColumn', 'plan']),
          /** Whether it is still ahead (after today). */
          planned: z.boolean(),
        }),
      ),
      /** Lessons of the subject in the class in the year per the timetable, not cancelled. */
      hours: z.number(),
      /** Distinct procedure dates in the whole year, and their share of `hours` in percent. */
      yearTotal: z.number(),
      percent: z.number().nullable(),
    }),
  ),
  warnings: z.array(
    z.object({
      kind: z.enum(assessmentWarningKinds),
      classId: z.number(),
      className: z.string(),
      subject: z.string(),
      dates: z.array(z.string()),
      lessonIds: z.array(z.number()),
      percent: z.number().nullable(),
      edge: z.enum(['first', 'last']).nullable(),
    }),
  ),
});
