import { z } from 'zod';
import { idField } from './people.ts';

/** The kinds of background print: the class journal (PDF) and the year archive (ZIP). */
export const printJobKinds = ['classJournal', 'yearArchive'] as const;

/** The states of a background print. */
export const printJobStatuses = ['queued', 'running', 'done', 'failed'] as const;

/** `POST /api/print-jobs`: what to print; no period means the whole year, no courses all the actor may print. */
export const printJobBody = z.strictObject({
  kind: z.enum(printJobKinds),
  classId: idField,
  periodId: idField.nullable().optional(),
  courseIds: z.array(idField).max(200).optional(),
});

/** The answer to a queued print: its id, to poll. */
export const printJobCreated = z.object({ id: z.number() });

/** A background print as its requester sees it (without the file). */
export const printJob = z.object({
  id: z.number(),
  kind: z.enum(printJobKinds),
  status: z.enum(printJobStatuses),
  done: z.number(),
  total: z.number(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** The actor's recent background prints, newest first. */
export const printJobList = z.object({ jobs: z.array(printJob) });

/** A course the actor may print. */
export const printCourse = z.object({ id: z.number(), subject: z.string(), teacher: z.string() });

/** A class the actor may print: the whole journal or only some courses. */
export const printClass = z.object({
  id: z.number(),
  name: z.string(),
  academicYearId: z.number(),
  /** The whole journal (class teacher, deputy, director), not only one's own courses. */
  whole: z.boolean(),
  courses: z.array(printCourse),
  /** The terms of the class's year (its grade's scheme). */
  terms: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The students of the class, in Russian order (whole access only; empty otherwise). */
  students: z.array(z.object({ id: z.number(), name: z.string() })),
});

/** `GET /api/print/classes`: what the actor may print, and whether they may make the year archive. */
export const printClasses = z.object({ classes: z.array(printClass), archive: z.boolean() });

/** A background print as its requester sees it. */
export type PrintJobView = z.infer<typeof printJob>;
/** What the actor may print. */
export type PrintClasses = z.infer<typeof printClasses>;
/** A class the actor may print. */
export type PrintClassView = z.infer<typeof printClass>;
