import { z } from 'zod';

const pathId = z.coerce.number().int().positive().max(2_147_483_647);

// Text of several paragraphs: line breaks and tabs allowed, other control characters not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const paragraphs = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** The sections of the regulation, in the document's order. */
export const regulationSectionKeys = [
  'general',
  'roles',
  'timeliness',
  'corrections',
  'periods',
  'backups',
  'paper',
  'responsibility',
] as const;

/** A section as the page shows it: generated from the settings unless the director changed it. */
export const regulationSection = z.object({
  key: z.enum(regulationSectionKeys),
  title: z.string(),
  text: z.string(),
  /** The text the school's settings give now (what «Вернуть» restores). */
  generated: z.string(),
  edited: z.boolean(),
});

/** An approved version in the list. */
export const regulationVersion = z.object({
  id: z.number(),
  approvedAt: z.string(),
  approvedBy: z.string(),
});

/** `GET /api/regulation`: the draft's sections, the approved versions (newest first), what the actor may do. */
export const regulationView = z.object({
  title: z.string(),
  sections: z.array(regulationSection),
  draftEditedAt: z.string().nullable(),
  versions: z.array(regulationVersion),
  abilities: z.object({ edit: z.boolean() }),
});
/** The regulation page's data. */
export type RegulationView = z.infer<typeof regulationView>;

/** `PUT /api/regulation/draft`: the wording of the sections the director changed. */
export const regulationDraftBody = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        key: z.enum(regulationSectionKeys),
        text: z.string().trim().min(1).max(20_000).regex(paragraphs),
      }),
    )
    .max(regulationSectionKeys.length),
});
/** The draft as sent. */
export type RegulationDraftBody = z.infer<typeof regulationDraftBody>;

/** `?format=`: PDF (the default) or DOCX. */
export const regulationFileQuery = z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') });

/** `/api/regulation/versions/:id/file`. */
export const regulationVersionParams = z.strictObject({ id: pathId });

/** A file: PDF or DOCX. */
export const regulationFile = z.any().describe('Файл: PDF или DOCX');
