import { z } from 'zod';

/** `GET /api/archive/classes?yearId=`: the year to list (the current one when absent). */
export const archiveClassesQuery = z.strictObject({
  yearId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** An academic year the actor may archive. */
export const archiveYear = z.object({
  id: z.number(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});

/** A class of the year whose archive the actor may make. */
export const archiveClass = z.object({ id: z.number(), name: z.string() });

/** `GET /api/archive/classes`: the years of the actor's school, the chosen one and its classes. */
export const archiveClasses = z.object({
  years: z.array(archiveYear),
  yearId: z.number().nullable(),
  classes: z.array(archiveClass),
});
/** The years and classes the archive page offers. */
export type ArchiveClasses = z.infer<typeof archiveClasses>;

/** What became of one archived file. */
export const archiveFileStatuses = ['ok', 'changed', 'missing', 'extra'] as const;

/** `POST /api/archive/verify`: whether an uploaded archive is intact, file by file, and why not. */
export const archiveCheck = z.object({
  ok: z.boolean(),
  /** What the manifest says the archive is, when it could be read. */
  archive: z
    .object({ school: z.string(), class: z.string(), academicYear: z.string(), createdOn: z.string() })
    .nullable(),
  files: z.array(z.object({ name: z.string(), status: z.enum(archiveFileStatuses) })),
  problems: z.array(z.object({ code: z.string(), file: z.string().nullable(), message: z.string() })),
});
/** The check of an uploaded archive. */
export type ArchiveCheckResult = z.infer<typeof archiveCheck>;
