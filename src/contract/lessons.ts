import { z } from 'zod';
import { line } from './fields.ts';
import { importRejectedBody, importReport } from './imports.ts';

const id = z.number().int().positive().max(2_147_483_647);
const isoDate = z.iso.date();
const editReason = line(1, 300).optional();

/** The largest homework file accepted, in bytes. */
export const maxLessonFileBytes = 10 * 1024 * 1024;

/** A file attached to a lesson's homework. */
export const lessonFile = z.object({ id: z.number(), name: z.string(), size: z.number(), mime: z.string() });

/** A topic of the КТП as the lesson page offers it for linking. */
export const planTopicOption = z.object({
  id: z.number(),
  position: z.number(),
  section: z.string().nullable(),
  topic: z.string(),
  /** Already given in another lesson. */
  used: z.boolean(),
});

/** `GET /api/journal/lessons/:id`: the lesson page. */
export const lessonPage = z.object({
  id: z.number(),
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  date: z.string(),
  lessonNumber: z.number(),
  teacher: z.string(),
  /** The substitute, when someone other than the course's teachers gives the lesson. */
  substitute: z.string().nullable(),
  topic: z.string().nullable(),
  lessonKind: z.string().nullable(),
  plan: z.string().nullable(),
  /** Homework text with safe formatting (see docs: a small markdown subset, rendered as text). */
  homework: z.string().nullable(),
  homeworkDueOn: z.string().nullable(),
  planItemId: z.number().nullable(),
  planTopics: z.array(planTopicOption),
  files: z.array(lessonFile),
  canEdit: z.boolean(),
  needsReason: z.boolean(),
});

/** `POST /api/journal/lessons/:id`: change the lesson page (fields left out stay as they are). */
export const lessonBody = z.strictObject({
  topic: line(0, 500).nullable().optional(),
  lessonKind: line(0, 100).nullable().optional(),
  plan: z.string().max(4000).nullable().optional(),
  homework: z.string().max(4000).nullable().optional(),
  homeworkDueOn: isoDate.nullable().optional(),
  planItemId: id.nullable().optional(),
  editReason,
});

/** `POST /api/journal/lessons/:id/files?name=`: the raw file as the body. */
export const fileUploadQuery = z.strictObject({ name: line(1, 200) });
/** A stored file. */
export const fileSaved = z.object({ file: lessonFile });

/** An item of the КТП with the lessons it was given in. */
export const planItem = z.object({
  id: z.number(),
  position: z.number(),
  section: z.string().nullable(),
  topic: z.string(),
  hours: z.number(),
  controlKind: z.string().nullable(),
  plannedOn: z.string().nullable(),
  lessons: z.array(z.object({ id: z.number(), date: z.string() })),
});

/** `GET /api/journal/courses/:id/plan`: the КТП with plan vs fact. */
export const planAnswer = z.object({
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  items: z.array(planItem),
  fact: z.object({
    plannedHours: z.number(),
    /** Lessons held so far (not cancelled, up to today). */
    heldLessons: z.number(),
    /** Hours planned up to today (by planned dates, or by position when dates are missing). */
    plannedToDate: z.number(),
    /** Topics planned to date but not yet given: positive means behind the plan. */
    lag: z.number(),
  }),
  canEdit: z.boolean(),
});

/** `POST /api/journal/courses/:id/plan/items`: add a topic (at the end unless `position`). */
export const planItemBody = z.strictObject({
  section: line(0, 300).nullable().optional(),
  topic: line(1, 500),
  hours: z.number().positive().max(100).optional(),
  controlKind: line(0, 100).nullable().optional(),
  plannedOn: isoDate.nullable().optional(),
  position: z.number().int().min(1).max(10_000).optional(),
});
/** `POST /api/journal/plan-items/:id`: change a topic. */
export const planItemUpdateBody = planItemBody.partial();

/** `POST /api/journal/courses/:id/plan/copy`: copy the КТП of another course (or last year's). */
export const planCopyBody = z.strictObject({ fromCourseId: id, replace: z.boolean().optional() });
/** `GET /api/journal/courses/:id/plan/sources`: courses whose КТП may be copied. */
export const planSources = z.object({
  courses: z.array(
    z.object({
      id: z.number(),
      subject: z.string(),
      group: z.string(),
      teacher: z.string(),
      year: z.string(),
      items: z.number(),
    }),
  ),
});
/** `POST /api/journal/courses/:id/plan/fill`: put the КТП topics into lessons without a topic, in order. */
export const planFillBody = z.strictObject({ from: isoDate.optional() });
/** What filling did. */
export const planFilled = z.object({ filled: z.number() });

/** `POST /api/journal/files/:id/remove`: the file removed. */
export const fileRemoved = z.object({ id: z.number() });

/**
 * `POST /api/journal/courses/:id/plan/import`: the file as the body. Without `commit` only a
 * preview; `commit=true` stores every row or none. `replace=true` replaces the plan, otherwise the
 * rows are appended after the existing topics.
 */
export const planImportQuery = z.object({
  filename: z.string().max(255).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
  commit: z.enum(['true', 'false']).optional(),
  replace: z.enum(['true', 'false']).optional(),
});
/** The preview or result of a КТП import: the students import's report (every row is «create»). */
export const planImportReport = importReport;
/** The 400 of a refused КТП import, with the whole report. */
export const planImportRejectedBody = importRejectedBody;
