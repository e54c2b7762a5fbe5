import { z } from 'zod';

const queryId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The filters every school report takes (`GET /api/reports/<report>?…`). The dates: a period's
 * dates when `periodId` is given, else `from`–`to`, else the academic year up to today.
 * `classId`, `teacherId`, `courseId` and `subjectId` narrow the courses the report looks at.
 */
export const reportQuery = z.strictObject({
  yearId: queryId.optional(),
  periodId: queryId.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  classId: queryId.optional(),
  teacherId: queryId.optional(),
  courseId: queryId.optional(),
  subjectId: queryId.optional(),
});
/** The filters as sent. */
export type ReportQuery = z.infer<typeof reportQuery>;

/** A report's export formats: `GET /api/reports/<report>.xlsx` and `.pdf` take the same filters. */
export const exportFormats = ['xlsx', 'pdf'] as const;

/** What the reports looked at: the dates and who may see what (echoed in every report). */
export const reportRange = z.object({
  schoolId: z.number(),
  yearId: z.number(),
  from: z.string(),
  to: z.string(),
  periodId: z.number().nullable(),
});

/** `GET /api/reports/filters?yearId=`: the choices of the report filters, as far as the actor sees. */
export const reportFiltersQuery = z.strictObject({ yearId: queryId.optional() });
/** The pickers of the reports page. */
export const reportFilters = z.object({
  yearId: z.number(),
  years: z.array(z.object({ id: z.number(), name: z.string() })),
  periods: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      scheme: z.string(),
      kind: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
    }),
  ),
  classes: z.array(z.object({ id: z.number(), name: z.string() })),
  subjects: z.array(z.object({ id: z.number(), name: z.string() })),
  teachers: z.array(z.object({ id: z.number(), name: z.string() })),
  courses: z.array(
    z.object({
      id: z.number(),
      subject: z.string(),
      group: z.string(),
      teacher: z.string(),
      classId: z.number().nullable(),
      subjectId: z.number(),
      teacherId: z.number(),
    }),
  ),
  /** Whether the actor sees the whole school (leadership) or only their own courses and class. */
  whole: z.boolean(),
  /** Whether the actor may write remarks. */
  canRemark: z.boolean(),
});
