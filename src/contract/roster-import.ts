import { z } from 'zod';
import { errorBody } from './errors.ts';

/** `?yearId=`: the academic year the roster is imported into (it must exist). */
export const rosterImportQuery = z.object({ yearId: z.coerce.number().int().positive().max(2_147_483_647) });

/** What importing a row does: a new record, a match with an existing one, nothing, or an error. */
export const rosterImportOutcome = z.enum(['create', 'match', 'skip', 'error']);
/** One outcome. */
export type RosterImportOutcome = z.infer<typeof rosterImportOutcome>;

/** One row of a CSV file of the archive, with what importing it does and its problems. */
export const rosterImportRow = z.object({
  line: z.number().int(),
  sourcedId: z.string(),
  label: z.string(),
  outcome: rosterImportOutcome,
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  note: z.string().nullable(),
});
/** One row of the report. */
export type RosterImportRow = z.infer<typeof rosterImportRow>;

/** Outcome counts. */
export const rosterImportTotals = z.object({
  create: z.number().int(),
  match: z.number().int(),
  skip: z.number().int(),
  errors: z.number().int(),
});

/** One file of the archive: its rows (errors first) and a note when it is not imported. */
export const rosterImportFile = z.object({
  file: z.string(),
  note: z.string().nullable(),
  rows: z.array(rosterImportRow),
  totals: rosterImportTotals,
});

/** The report of a preview or an import of a OneRoster archive. */
export const rosterImportReport = z.object({
  applied: z.boolean(),
  fileErrors: z.array(z.string()),
  files: z.array(rosterImportFile),
  totals: rosterImportTotals,
  /** Parents linked to children: new links, links already there. */
  links: z.object({ create: z.number().int(), match: z.number().int() }),
});
/** A report. */
export type RosterImportReport = z.infer<typeof rosterImportReport>;

/** The 400 of a refused import: the usual error body with the whole report (absent for a bad query). */
export const rosterImportRejectedBody = errorBody.extend({ report: rosterImportReport.optional() });
