import { z } from 'zod';
import { line } from './fields.ts';
import { absenceReasons } from './journal.ts';

const id = z.number().int().positive().max(2_147_483_647);
const queryId = z.coerce.number().int().positive().max(2_147_483_647);
const isoDate = z.iso.date();

/** `GET /api/journal/closures?yearId=`: which periods are closed for which classes. */
export const closuresQuery = z.strictObject({ yearId: queryId.optional() });
/** The closing of periods, class by class. */
export const closuresAnswer = z.object({
  yearId: z.number(),
  periods: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      scheme: z.string(),
    }),
  ),
  classes: z.array(z.object({ id: z.number(), name: z.string(), grade: z.number(), scheme: z.string() })),
  closures: z.array(
    z.object({ periodId: z.number(), classId: z.number(), closedAt: z.string(), closedBy: z.string() }),
  ),
  canClose: z.boolean(),
});
/** `POST /api/journal/periods/:periodId/classes/:classId/reopen`: reopening takes a reason. */
export const reopenBody = z.strictObject({ reason: line(3, 500) });
/** Path of the close and reopen routes. */
export const closureParams = z.strictObject({ periodId: queryId, classId: queryId });

/** `GET /api/journal/classes/:id/summary?periodId=`: all subjects of a class, read-only. */
export const summaryQuery = z.strictObject({ periodId: queryId.optional() });
/** The class teacher's view: each student's average and period mark in every subject. */
export const classSummary = z.object({
  classId: z.number(),
  className: z.string(),
  period: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  periods: z.array(z.object({ id: z.number(), name: z.string() })),
  subjects: z.array(z.object({ id: z.number(), name: z.string(), shortName: z.string() })),
  students: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      cells: z.array(
        z.object({
          subjectId: z.number(),
          average: z.number().nullable(),
          marks: z.number(),
          periodMark: z.string().nullable(),
        }),
      ),
      absences: z.number(),
      lateness: z.number(),
    }),
  ),
});

/** `GET /api/journal/classes/:id/absences?from=&to=`: the absences of the class. */
export const absencesQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
/** An absence or lateness of a student at a lesson. */
export const absenceItem = z.object({
  lessonId: z.number(),
  studentId: z.number(),
  student: z.string(),
  date: z.string(),
  lessonNumber: z.number(),
  subject: z.string(),
  value: z.enum(['absent', 'late']),
  reason: z.enum(absenceReasons).nullable(),
});
/** The absences, by date and lesson. */
export const absencesAnswer = z.object({ absences: z.array(absenceItem) });
/**
 * `POST /api/journal/classes/:id/absence-reasons`: the class teacher sets the reason of a student's
 * absences at one lesson, a day or a range of days (a medical note).
 */
export const absenceReasonBody = z.strictObject({
  studentId: id,
  from: isoDate,
  to: isoDate,
  lessonId: id.optional(),
  reason: z.enum(absenceReasons),
});
/** How many absences got the reason. */
export const absenceReasonSaved = z.object({ updated: z.number() });
/** Whether the period is closed for the class after a close or reopen. */
export const closureState = z.object({ periodId: z.number(), classId: z.number(), closed: z.boolean() });
