import { z } from 'zod';

const id = z.number().int().positive().max(2_147_483_647);

// Plain text with line breaks and tabs, no other control characters (PostgreSQL refuses NUL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const plainText = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** A trimmed plain text within length. */
const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(plainText);
// One line: no control characters at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const oneLine = /^[^\u0000-\u001f\u007f]*$/;
/** One line of plain text (no line breaks). */
const line = (max: number) => z.string().trim().max(max).regex(oneLine);

/** The school's support contacts: who to ask, phone, e-mail, hours and a free text (`details`); empty where not set. */
export const supportContactsBody = z.strictObject({
  who: line(200),
  phone: line(100),
  email: z.union([z.literal(''), z.email().max(200)]),
  hours: line(200),
  details: text(0, 2000),
});
/** The support contacts as the school set them. */
export type SupportContacts = z.infer<typeof supportContactsBody>;

/** `GET /api/support/contacts`: the contacts, when they were last set, and whether the actor may edit them. */
export const supportContactsAnswer = z.object({
  contacts: z.object({
    who: z.string(),
    phone: z.string(),
    email: z.string(),
    hours: z.string(),
    details: z.string(),
  }),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});

/** `POST /api/support/problems`: a problem reported from a page (its path only, and the browser). */
export const newProblemBody = z.strictObject({
  description: text(3, 2000),
  pagePath: line(500),
  userAgent: line(500),
});

/** Where a problem report stands. */
export const problemStatuses = ['open', 'resolved'] as const;

/** `GET /api/support/problems?status=`: the school's reports for its administrators, newest first. */
export const problemsQuery = z.strictObject({ status: z.enum(problemStatuses).optional() });

/** `POST /api/support/problems/:id/resolve`: the administrator marks a report resolved, maybe with a note. */
export const resolveProblemBody = z.strictObject({ note: text(0, 1000).optional() });

/** One problem report as the lists show it. */
export const problemItem = z.object({
  id,
  description: z.string(),
  pagePath: z.string(),
  userAgent: z.string(),
  appVersion: z.string(),
  createdAt: z.string(),
  reporter: z.string(),
  status: z.enum(problemStatuses),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
/** One problem report. */
export type ProblemItem = z.infer<typeof problemItem>;

/** A list of problem reports. */
export const problemList = z.object({ items: z.array(problemItem) });
