import { z } from 'zod';

const queryId = z.coerce.number().int().positive().max(2_147_483_647);

/** `/api/classes/:classId/…` papers. */
export const paperClassParams = z.strictObject({ classId: queryId });

/** `/api/students/:studentId/…` papers. */
export const paperStudentParams = z.strictObject({ studentId: queryId });

/** `GET /api/students/:studentId/report-card?yearId=`. */
export const reportCardQuery = z.strictObject({ yearId: queryId });

/** `GET /api/students/:studentId/extract?periodId=`, `?yearId=` (the whole year) or `?from=&to=`. */
export const extractQuery = z.strictObject({
  periodId: queryId.optional(),
  yearId: queryId.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** `GET /api/classes/:classId/journal.xlsx?periodId=&courseIds=1,2`: no period is the whole year. */
export const journalXlsxQuery = z.strictObject({
  periodId: queryId.optional(),
  courseIds: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10}){0,99}$/)
    .transform((s) => s.split(',').map(Number))
    .optional(),
});

/** Papers answer with a file. */
export const paperFile = z.any().describe('Файл: PDF или XLSX');
