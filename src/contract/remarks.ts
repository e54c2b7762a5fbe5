import { z } from 'zod';
import { reportRange } from './reports.ts';

const id = z.number().int().positive().max(2_147_483_647);
const queryId = z.coerce.number().int().positive().max(2_147_483_647);

// Plain text with line breaks and tabs, no other control characters (PostgreSQL refuses NUL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const plainText = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** A remark's text or a note: trimmed, within length, line breaks kept. */
const remarkText = (min: number, max: number) => z.string().trim().min(min).max(max).regex(plainText);

/** Where a remark stands: open (written), fixed (the teacher says so), closed (the leadership accepts). */
export const remarkStatuses = ['open', 'fixed', 'closed'] as const;
/** A remark's state. */
export type RemarkStatus = (typeof remarkStatuses)[number];

/** `POST /api/remarks`: the deputy or director writes a remark on a course's journal, maybe on one lesson. */
export const newRemarkBody = z.strictObject({
  courseId: id,
  lessonId: id.optional(),
  text: remarkText(3, 2000),
});

/** `POST /api/remarks/:id/fix`: the teacher marks the remark fixed, optionally saying what they did. */
export const fixRemarkBody = z.strictObject({ note: remarkText(0, 1000).optional() });

/** `POST /api/remarks/:id/reopen`: the leadership sends a fixed remark back, optionally saying why. */
export const reopenRemarkBody = z.strictObject({ text: remarkText(0, 2000).optional() });

/** `GET /api/remarks?status=&teacherId=&courseId=`: `active` is open and fixed together. */
export const remarksQuery = z.strictObject({
  status: z.enum([...remarkStatuses, 'active']).optional(),
  teacherId: queryId.optional(),
  courseId: queryId.optional(),
});

/** One remark as every list shows it. */
export const remarkItem = z.object({
  id: z.number(),
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  className: z.string().nullable(),
  /** The course's teacher (short name) and id. */
  teacher: z.string(),
  teacherId: z.number(),
  lessonId: z.number().nullable(),
  lessonDate: z.string().nullable(),
  lessonNumber: z.number().nullable(),
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
  fixedAt: z.string().nullable(),
  fixNote: z.string().nullable(),
  fixedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  status: z.enum(remarkStatuses),
});
/** One remark. */
export type RemarkItem = z.infer<typeof remarkItem>;

/** A remark in the actor's list: with whether the actor may mark it fixed now. */
export const remarkListItem = remarkItem.extend({ canFix: z.boolean() });

/** Open and fixed (not yet closed) remarks of one teacher. */
export const remarksOfTeacher = z.object({
  teacherId: z.number(),
  teacher: z.string(),
  open: z.number(),
  fixed: z.number(),
});

/** The remarks the actor sees, newest first, and the open ones per teacher. */
export const remarksAnswer = z.object({
  items: z.array(remarkListItem),
  /** Teachers with open or fixed remarks (of the whole school, or the teacher's own), most open first. */
  byTeacher: z.array(remarksOfTeacher),
  /** Whether the actor is the leadership: writes, closes and sends back remarks. */
  canManage: z.boolean(),
});

/** The remarks report: counts per teacher and the list, for a range of dates (the remark's writing day at the school). */
export const remarksReport = z.object({
  range: reportRange,
  /** The school's time zone: the dates of `range` are its days (a remark's day is its writing's there). */
  timeZone: z.string(),
  byTeacher: z.array(
    z.object({
      teacherId: z.number(),
      teacher: z.string(),
      total: z.number(),
      open: z.number(),
      fixed: z.number(),
      closed: z.number(),
    }),
  ),
  items: z.array(remarkItem),
});
