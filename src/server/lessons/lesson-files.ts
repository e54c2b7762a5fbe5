import type { z } from 'zod';
import { type lessonFile, maxLessonFileBytes } from '../../contract/lessons.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findLesson, lockCourseForWrite, requireLessonEdit, requireOpen } from '../journal/journal.policy.ts';

/** A file attached to a lesson. */
export type LessonFile = z.infer<typeof lessonFile>;

/** Content types a download keeps (by the name's extension); any other file is served as bytes. */
const safeTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain; charset=utf-8',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  zip: 'application/zip',
};

/** The content type a file is stored and served with: from the allow-list by extension, else bytes. */
export function safeMime(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && safeTypes[ext]) || 'application/octet-stream';
}

// Control and reserved characters, and the invisible ones that reorder or hide text (a right-to-left
// override shows «hw\u202Efdp.exe» as «hwexe.pdf»).
const unsafeInName =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff<>:"/\\|?*]/g;

/**
 * A file name safe to store and to send back: no folders, control, invisible or reserved
 * characters, no leading dots, at most 200 characters (the extension kept); «файл» when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  let clean = base.replace(unsafeInName, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (clean.length > 200) {
    const ext = /\.[^.\s]{1,10}$/.exec(clean)?.[0] ?? '';
    clean = clean.slice(0, 200 - ext.length).trimEnd() + ext;
  }
  return clean === '' ? 'файл' : clean;
}

/** The Content-Disposition of a download: an ASCII fallback and the real name per RFC 5987. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The refusal of a file over the limit (413), with the limit in megabytes. */
export function fileTooLarge(): AppError {
  return new AppError('payload_too_large', 'lessonsFileTooLarge', { mb: maxLessonFileBytes / 1024 / 1024 });
}

/** Attaches a file to the lesson's homework: those who may write the lesson, not in a closed period. */
export async function addLessonFile(
  ctx: Ctx,
  lessonId: number,
  name: string,
  bytes: Uint8Array,
): Promise<LessonFile> {
  const lesson = await requireLessonEdit(ctx, lessonId);
  await requireOpen(ctx.db, lesson.course, lesson.date);
  if (bytes.length > maxLessonFileBytes) throw fileTooLarge();
  if (bytes.length === 0)
    throw new AppError('validation', 'lessonsFileEmpty', {}, { body: 'lessonsFileEmpty' });
  const clean = safeFileName(name);
  const mime = safeMime(clean);
  // requireLessonEdit admits people only.
  if (ctx.actor.kind !== 'person') throw notFound();
  const by = ctx.actor.personId;
  return ctx.db.transaction().execute(async (trx) => {
    await lockCourseForWrite(trx, lesson.course, lesson.date);
    const row = await trx
      .insertInto('lessonFiles')
      .values({
        schoolId: lesson.schoolId,
        lessonId,
        name: clean,
        mime,
        size: bytes.length,
        content: Buffer.from(bytes),
        createdBy: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = { id: row.id, name: clean, size: bytes.length, mime };
    await recordAudit(trx, ctx, {
      schoolId: lesson.schoolId,
      action: 'journal.lesson_file.add',
      entity: 'lessonFile',
      entityId: row.id,
      after: { lessonId, name: clean, size: bytes.length, mime },
    });
    return file;
  });
}

/** A live file with its content, for anyone who may see its lesson (404 otherwise). */
export async function readLessonFile(ctx: Ctx, fileId: number) {
  const file = await ctx.db
    .selectFrom('lessonFiles')
    .select(['id', 'lessonId', 'name', 'mime', 'size', 'content'])
    .where('id', '=', fileId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!file) throw notFound();
  await findLesson(ctx, file.lessonId);
  return { ...file, mime: safeMime(file.name), content: Buffer.from(file.content) };
}

/** Removes a file from the homework (soft: the row stays): those who may write the lesson. */
export async function removeLessonFile(ctx: Ctx, fileId: number): Promise<{ id: number }> {
  const file = await ctx.db
    .selectFrom('lessonFiles')
    .select(['id', 'lessonId', 'name', 'size', 'mime'])
    .where('id', '=', fileId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!file) throw notFound();
  const lesson = await requireLessonEdit(ctx, file.lessonId);
  await requireOpen(ctx.db, lesson.course, lesson.date);
  await ctx.db.transaction().execute(async (trx) => {
    await lockCourseForWrite(trx, lesson.course, lesson.date);
    await trx
      .updateTable('lessonFiles')
      .set({ deletedAt: new Date().toISOString() })
      .where('id', '=', fileId)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: lesson.schoolId,
      action: 'journal.lesson_file.remove',
      entity: 'lessonFile',
      entityId: fileId,
      before: { lessonId: file.lessonId, name: file.name, size: file.size, mime: file.mime },
    });
  });
  return { id: fileId };
}
