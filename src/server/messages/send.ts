import type { z } from 'zod';
import type { newDialogBody, replyBody } from '../../contract/messages.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { queueMessageNotices } from '../notify/message-notices.ts';
import { contactsOf } from './contacts.ts';
import {
  actsAsStaff,
  fieldError,
  type Messenger,
  membershipsOn,
  now,
  requireMessaging,
} from './messages.policy.ts';
import { mayReply, pageOf, requireMember, type ThreadPage } from './threads.ts';

/** A new message: its thread, text and the ids of the author's uploaded files. */
interface Outgoing {
  schoolId: number;
  threadId: number;
  body: string;
  fileIds: readonly number[];
  /** Who is told about it (queued notifications). */
  recipientIds: readonly number[];
}

/**
 * Stores a message in the caller's transaction: attaches the author's unsent files (else 400 on
 * «Вложения»), moves the thread's last message time, marks the thread read for the author and
 * queues the recipients' notifications.
 */
export async function storeMessage(trx: Db, ctx: Ctx, m: Messenger, out: Outgoing): Promise<number> {
  const at = now();
  const message = await trx
    .insertInto('messages')
    .values({
      schoolId: out.schoolId,
      threadId: out.threadId,
      authorId: m.personId,
      body: out.body,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fileIds = [...new Set(out.fileIds)];
  if (fileIds.length) {
    const attached = await trx
      .updateTable('messageFiles')
      .set({ messageId: message.id, schoolId: out.schoolId })
      .where('id', 'in', fileIds)
      .where('uploadedBy', '=', m.personId)
      .where('messageId', 'is', null)
      .returning('id')
      .execute();
    if (attached.length !== fileIds.length) throw fieldError('fileIds', 'messagesBadAttachment');
  }
  await trx.updateTable('threads').set({ lastMessageAt: at }).where('id', '=', out.threadId).execute();
  await trx
    .updateTable('threadMembers')
    .set({ readAt: at })
    .where('threadId', '=', out.threadId)
    .where('personId', '=', m.personId)
    .execute();
  await queueMessageNotices(trx, ctx, {
    schoolId: out.schoolId,
    threadId: out.threadId,
    messageId: message.id,
    recipientIds: out.recipientIds,
  });
  return message.id;
}

/** The class a student is in today, if any (a dialog remembers it for the list). */
async function classOfStudent(db: Db, studentId: number): Promise<number | null> {
  const row = await membershipsOn(db, today())
    .select('groups.classId')
    .where('groupMemberships.studentId', '=', studentId)
    .where('groups.kind', '=', 'class')
    .executeTakeFirst();
  return row?.classId ?? null;
}

/**
 * `POST /api/messages/threads`: starts a dialog about a student with people from the actor's
 * contacts for that student (anyone else: 400 on «Кому»; a student out of reach: 404). Students
 * do not start dialogs (403).
 */
export async function startDialog(ctx: Ctx, input: z.infer<typeof newDialogBody>): Promise<ThreadPage> {
  const m = requireMessaging(ctx);
  if (!m.reach.relations.has('guardian') && !actsAsStaff(m))
    throw new AppError('forbidden', 'messagesStudentsCannotStart');
  const contacts = await contactsOf(ctx, m, input.studentId);
  const allowed = new Set(contacts.map((c) => c.personId));
  const to = [...new Set(input.to)];
  if (to.some((id) => !allowed.has(id))) throw fieldError('to', 'messagesNotAContact');
  const student = await ctx.db
    .selectFrom('persons')
    .select(['persons.schoolId'])
    .where('persons.id', '=', input.studentId)
    .executeTakeFirst();
  if (!student?.schoolId) throw notFound();
  const schoolId = student.schoolId;
  const classId = await classOfStudent(ctx.db, input.studentId);
  const threadId = await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    const thread = await trx
      .insertInto('threads')
      .values({
        schoolId,
        kind: 'dialog',
        studentId: input.studentId,
        classId,
        subject: input.subject,
        createdBy: m.personId,
        createdAt: at,
        lastMessageAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('threadMembers')
      .values(
        [m.personId, ...to].map((personId) => ({ schoolId, threadId: thread.id, personId, readAt: null })),
      )
      .execute();
    const messageId = await storeMessage(trx, ctx, m, {
      schoolId,
      threadId: thread.id,
      body: input.body,
      fileIds: input.fileIds,
      recipientIds: to,
    });
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'messages.thread.create',
      entity: 'thread',
      entityId: thread.id,
      after: { studentId: input.studentId, to, subject: input.subject, messageId, fileIds: input.fileIds },
    });
    return thread.id;
  });
  return pageOf(ctx.db, m, threadId);
}

/**
 * `POST /api/messages/threads/:id/messages`: a reply — any member of a dialog, only the author of
 * an announcement (other members: 403); non-members get 404.
 */
export async function reply(
  ctx: Ctx,
  threadId: number,
  input: z.infer<typeof replyBody>,
): Promise<ThreadPage> {
  const m = requireMessaging(ctx);
  const member = await requireMember(ctx.db, m, threadId);
  if (!mayReply(member, m.personId)) throw new AppError('forbidden', 'messagesCannotReply');
  await ctx.db.transaction().execute(async (trx) => {
    let othersQuery = trx
      .selectFrom('threadMembers')
      .select('threadMembers.personId')
      .where('threadMembers.threadId', '=', threadId)
      .where('threadMembers.personId', '!=', m.personId);
    // A parent member of a dialog whose guardianship of its student ended is told nothing more.
    if (member.kind === 'dialog')
      othersQuery = othersQuery.where((eb) =>
        eb.or([
          eb(
            'threadMembers.personId',
            'not in',
            eb
              .selectFrom('roleAssignments')
              .select('roleAssignments.personId')
              .where('roleAssignments.role', '=', 'parent')
              .where('roleAssignments.revokedAt', 'is', null),
          ),
          eb(
            'threadMembers.personId',
            'in',
            eb
              .selectFrom('guardianships')
              .select('guardianships.guardianId')
              .where('guardianships.studentId', '=', member.studentId ?? -1)
              .where('guardianships.archivedAt', 'is', null),
          ),
        ]),
      );
    const others = await othersQuery.execute();
    const messageId = await storeMessage(trx, ctx, m, {
      schoolId: member.schoolId,
      threadId,
      body: input.body,
      fileIds: input.fileIds,
      recipientIds: others.map((o) => o.personId),
    });
    await recordAudit(trx, ctx, {
      schoolId: member.schoolId,
      action: 'messages.send',
      entity: 'message',
      entityId: messageId,
      after: { threadId, fileIds: input.fileIds, length: input.body.length },
    });
  });
  return pageOf(ctx.db, m, threadId);
}
