import { z } from 'zod';
import { errorBody } from './errors.ts';

/** How the uploaded file is named or which format it is (otherwise it is recognised by its bytes). */
export const importQuery = z.object({
  filename: z.string().max(255).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});

/** `GET /api/imports/students/template`: the template as XLSX (default) or CSV. */
export const templateQuery = z.object({ format: z.enum(['csv', 'xlsx']).optional() });

/** What importing a row does: a new student, changes to one, nothing, or nothing because of errors. */
export const importOutcome = z.enum(['create', 'update', 'unchanged', 'error']);
/** One outcome. */
export type ImportOutcome = z.infer<typeof importOutcome>;

/** A problem in one cell, told in the reader's language. */
export const importCellError = z.object({ column: z.string(), label: z.string(), message: z.string() });

/** One data row of the file as read, with its problems and what importing it does. */
export const importRow = z.object({
  line: z.number().int(),
  values: z.record(z.string(), z.string()),
  outcome: importOutcome,
  errors: z.array(importCellError),
});
/** One row of the report. */
export type ImportRow = z.infer<typeof importRow>;

/** The report of a preview or an import: every row, file-level problems and the counts. */
export const importReport = z.object({
  applied: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(importRow),
  fileErrors: z.array(z.string()),
  unknownColumns: z.array(z.string()),
  summary: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
  }),
});
/** A preview or import report. */
export type ImportReport = z.infer<typeof importReport>;

/** The 400 of a refused import: the usual error body with the whole report (absent for a bad query). */
export const importRejectedBody = errorBody.extend({ report: importReport.optional() });
