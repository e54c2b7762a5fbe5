import type { z } from 'zod';
import { maxMessageFileBytes, type messageFile } from '../../contract/messages.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { safeFileName, safeMime } from '../lessons/lesson-files.ts';
import { now, requireMessaging } from './messages.policy.ts';
import { requireMember } from './threads.ts';

/** A file attached (or to be attached) to a message. */
export type MessageFile = z.infer<typeof messageFile>;

/** The refusal of a file over the limit (413), with the limit in megabytes. */
export function messageFileTooLarge(): AppError {
  return new AppError('payload_too_large', 'messagesFileTooLarge', { mb: maxMessageFileBytes / 1024 / 1024 });
}

/**
 * `POST /api/messages/files?name=`: stores an upload of the actor's, not yet attached to a message
 * (attach it by id when sending). Over 5 MB: 413; empty: 400.
 */
export async function uploadMessageFile(ctx: Ctx, name: string, bytes: Uint8Array): Promise<MessageFile> {
  const m = requireMessaging(ctx);
  if (bytes.length > maxMessageFileBytes) throw messageFileTooLarge();
  if (bytes.length === 0) throw new AppError('validation', 'messagesFileEmpty');
  const person = await ctx.db
    .selectFrom('persons')
    .select('schoolId')
    .where('id', '=', m.personId)
    .executeTakeFirst();
  const schoolId = person?.schoolId ?? m.reach.schoolIds[0];
  if (schoolId === undefined || schoolId === null) throw notFound();
  const clean = safeFileName(name);
  const mime = safeMime(clean);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('messageFiles')
      .values({
        schoolId,
        messageId: null,
        name: clean,
        mime,
        size: bytes.length,
        content: Buffer.from(bytes),
        uploadedBy: m.personId,
        createdAt: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'messages.file.upload',
      entity: 'messageFile',
      entityId: row.id,
      after: { name: clean, size: bytes.length, mime },
    });
    return { id: row.id, name: clean, size: bytes.length, mime };
  });
}

/**
 * `GET /api/messages/files/:id`: the file with its content, for the members of its message's
 * thread who may still open it (an unattached file: its uploader only); 404 for anyone else.
 */
export async function readMessageFile(ctx: Ctx, fileId: number) {
  const m = requireMessaging(ctx);
  const file = await ctx.db
    .selectFrom('messageFiles')
    .leftJoin('messages', 'messages.id', 'messageFiles.messageId')
    .select([
      'messageFiles.id',
      'messageFiles.name',
      'messageFiles.size',
      'messageFiles.content',
      'messageFiles.uploadedBy',
      'messageFiles.messageId',
      'messages.threadId',
    ])
    .where('messageFiles.id', '=', fileId)
    .executeTakeFirst();
  if (!file) throw notFound();
  if (file.messageId === null || file.threadId === null) {
    if (file.uploadedBy !== m.personId) throw notFound();
  } else {
    await requireMember(ctx.db, m, file.threadId);
  }
  return { id: file.id, name: file.name, mime: safeMime(file.name), content: Buffer.from(file.content) };
}
