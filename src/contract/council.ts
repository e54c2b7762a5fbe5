import { z } from 'zod';

const pathId = z.coerce.number().int().positive().max(2_147_483_647);

// Plain text on one line: no control characters (PostgreSQL refuses NUL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const oneLine = /^[^\u0000-\u001f\u007f]*$/;

/** `/api/classes/:classId/council-decisions`. */
export const councilClassParams = z.strictObject({ classId: pathId });

/** `/api/classes/:classId/council-decisions/:studentId`. */
export const councilStudentParams = z.strictObject({ classId: pathId, studentId: pathId });

/** `PUT …/council-decisions/:studentId`: the decision for the student's year, its date and minutes number. */
export const councilDecisionBody = z.strictObject({
  decision: z.string().trim().min(2).max(200).regex(oneLine),
  decidedOn: z.iso.date().nullable().optional(),
  protocol: z.string().trim().max(30).regex(oneLine).nullable().optional(),
});

/** A recorded decision. */
export const councilDecision = z.object({
  decision: z.string(),
  decidedOn: z.string().nullable(),
  protocol: z.string().nullable(),
  recordedAt: z.string(),
});

/** A student of the class with the decision for the year, or null. */
export const councilRow = z.object({
  studentId: z.number(),
  name: z.string(),
  /** The date the student left the class during the year. */
  leftOn: z.string().nullable(),
  decision: councilDecision.nullable(),
});

/** `GET /api/classes/:classId/council-decisions`: the class's students in Russian order. */
export const councilList = z.object({
  classId: z.number(),
  className: z.string(),
  grade: z.number(),
  yearName: z.string(),
  /** Whether the reader may record decisions (the class teacher, the deputy, the director). */
  canRecord: z.boolean(),
  students: z.array(councilRow),
});

/** The list the council page shows. */
export type CouncilList = z.infer<typeof councilList>;
/** What the page sends for one student. */
export type CouncilDecisionBody = z.infer<typeof councilDecisionBody>;
