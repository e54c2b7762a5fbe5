import type { z } from 'zod';
import type { threadItem, threadPage } from '../../contract/messages.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import {
  childrenOf,
  className,
  dialogStillOpen,
  type Messenger,
  now,
  personName,
  requireMessaging,
} from './messages.policy.ts';

/** A conversation in the list. */
export type ThreadItem = z.infer<typeof threadItem>;
/** An opened conversation. */
export type ThreadPage = z.infer<typeof threadPage>;

/** How much of the last message the list shows. */
const previewLength = 200;

function preview(body: string | null): string {
  if (!body) return '';
  return body.length > previewLength ? `${body.slice(0, previewLength - 1)}…` : body;
}

/** The actor's conversations, newest first; `where` narrows them (one thread, one child's). */
async function threadsOf(
  db: Db,
  m: Messenger,
  only: { threadId?: number; child?: { id: number; schoolId: number | null } } = {},
): Promise<ThreadItem[]> {
  const me = m.personId;
  let q = db
    .selectFrom('threadMembers')
    .innerJoin('threads', 'threads.id', 'threadMembers.threadId')
    .innerJoin('persons as author', 'author.id', 'threads.createdBy')
    .leftJoin('persons as student', 'student.id', 'threads.studentId')
    .leftJoin('classes', 'classes.id', 'threads.classId')
    .select((eb) => [
      'threads.id',
      'threads.kind',
      'threads.subject',
      'threads.lastMessageAt',
      'author.lastName',
      'author.firstName',
      'author.middleName',
      'student.lastName as studentLastName',
      'student.firstName as studentFirstName',
      'classes.grade',
      'classes.letter',
      eb
        .selectFrom('messages')
        .select('messages.body')
        .whereRef('messages.threadId', '=', 'threads.id')
        .orderBy('messages.id', 'desc')
        .limit(1)
        .as('lastMessage'),
      eb
        .selectFrom('messages')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('messages.threadId', '=', 'threads.id')
        .where('messages.authorId', '!=', me)
        .where((w) =>
          w.or([
            w('threadMembers.readAt', 'is', null),
            w('messages.createdAt', '>', w.ref('threadMembers.readAt')),
          ]),
        )
        .as('unread'),
    ])
    .where('threadMembers.personId', '=', me)
    .where((eb) => dialogStillOpen(eb, db, m));
  if (only.threadId !== undefined) q = q.where('threads.id', '=', only.threadId);
  const child = only.child;
  if (child) {
    const classesOfChild = db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .select('groups.classId')
      .where('groupMemberships.studentId', '=', child.id)
      .where('groups.kind', '=', 'class')
      .$narrowType<{ classId: number }>();
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('threads.kind', '=', 'dialog'), eb('threads.studentId', '=', child.id)]),
        eb.and([eb('threads.kind', '=', 'class'), eb('threads.classId', 'in', classesOfChild)]),
        eb.and([eb('threads.kind', '=', 'school'), eb('threads.schoolId', '=', child.schoolId ?? -1)]),
      ]),
    );
  }
  const rows = await q.orderBy('threads.lastMessageAt', 'desc').orderBy('threads.id', 'desc').execute();
  const dialogIds = rows.filter((r) => r.kind === 'dialog').map((r) => r.id);
  const others = new Map<number, string[]>();
  if (dialogIds.length) {
    const members = await db
      .selectFrom('threadMembers')
      .innerJoin('persons', 'persons.id', 'threadMembers.personId')
      .select(['threadMembers.threadId', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
      .where('threadMembers.threadId', 'in', dialogIds)
      .where('threadMembers.personId', '!=', me)
      .orderBy('persons.sortKey')
      .execute();
    for (const p of members) others.set(p.threadId, [...(others.get(p.threadId) ?? []), personName(p)]);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    student: r.studentLastName === null ? null : `${r.studentLastName} ${r.studentFirstName ?? ''}`.trim(),
    className: className(r),
    with: r.kind === 'dialog' ? (others.get(r.id) ?? []) : [personName(r)],
    lastMessageAt: r.lastMessageAt,
    lastMessage: preview(r.lastMessage),
    unread: Number(r.unread ?? 0),
  }));
}

/**
 * `GET /api/messages/threads`: the conversations the actor is a member of, newest first. With
 * `studentId` (the actor's child, or the student themself): dialogs about them and the
 * announcements of their class and school; anyone else's student is 404.
 */
export async function listThreads(ctx: Ctx, studentId?: number): Promise<{ threads: ThreadItem[] }> {
  const m = requireMessaging(ctx);
  if (studentId === undefined) return { threads: await threadsOf(ctx.db, m) };
  const child =
    (await childrenOf(ctx.db, m, studentId).executeTakeFirst()) ??
    (studentId === m.personId && m.reach.relations.has('self')
      ? await ctx.db
          .selectFrom('persons')
          .select(['persons.id', 'persons.schoolId'])
          .where('persons.id', '=', studentId)
          .executeTakeFirst()
      : undefined);
  if (!child) throw notFound();
  return { threads: await threadsOf(ctx.db, m, { child }) };
}

/**
 * The actor's membership of a thread they may still open, else 404 (non-members, and members of a
 * dialog who lost the relationship to its student, never learn it exists).
 */
export async function requireMember(db: Db, m: Messenger, threadId: number) {
  const row = await db
    .selectFrom('threadMembers')
    .innerJoin('threads', 'threads.id', 'threadMembers.threadId')
    .select([
      'threadMembers.id as memberId',
      'threadMembers.readAt',
      'threads.id',
      'threads.schoolId',
      'threads.kind',
      'threads.createdBy',
      'threads.studentId',
    ])
    .where('threadMembers.threadId', '=', threadId)
    .where('threadMembers.personId', '=', m.personId)
    .where((eb) => dialogStillOpen(eb, db, m))
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Whether the member may write in the thread: anyone in a dialog, only the author of an announcement. */
export function mayReply(thread: { kind: string; createdBy: number }, me: number): boolean {
  return thread.kind === 'dialog' || thread.createdBy === me;
}

/** The conversation for one of its members, with who has read each message. */
export async function pageOf(db: Db, m: Messenger, threadId: number): Promise<ThreadPage> {
  const me = m.personId;
  const member = await requireMember(db, m, threadId);
  const [thread] = await threadsOf(db, m, { threadId });
  if (!thread) throw notFound();
  // An announcement's recipients do not learn who else received it: they see its author only.
  const everyone = member.kind === 'dialog' || member.createdBy === me;
  let membersQuery = db
    .selectFrom('threadMembers')
    .innerJoin('persons', 'persons.id', 'threadMembers.personId')
    .select([
      'persons.id',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'threadMembers.readAt',
    ])
    .where('threadMembers.threadId', '=', threadId)
    .orderBy('persons.sortKey');
  if (!everyone) membersQuery = membersQuery.where('persons.id', 'in', [member.createdBy, me]);
  const members = await membersQuery.execute();
  const messages = await db
    .selectFrom('messages')
    .innerJoin('persons', 'persons.id', 'messages.authorId')
    .select((eb) => [
      'messages.id',
      'messages.authorId',
      'messages.body',
      'messages.createdAt',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      eb
        .selectFrom('threadMembers')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('threadMembers.threadId', '=', threadId)
        .whereRef('threadMembers.personId', '!=', 'messages.authorId')
        .where('threadMembers.readAt', '>=', eb.ref('messages.createdAt'))
        .as('readBy'),
      eb
        .selectFrom('threadMembers')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('threadMembers.threadId', '=', threadId)
        .whereRef('threadMembers.personId', '!=', 'messages.authorId')
        .as('recipients'),
    ])
    .where('messages.threadId', '=', threadId)
    .orderBy('messages.id')
    .execute();
  const files = messages.length
    ? await db
        .selectFrom('messageFiles')
        .select(['id', 'messageId', 'name', 'size', 'mime'])
        .where(
          'messageId',
          'in',
          messages.map((x) => x.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return {
    thread,
    members: members.map((p) => ({ id: p.id, name: personName(p), readAt: p.readAt })),
    messages: messages.map((x) => ({
      id: x.id,
      authorId: x.authorId,
      author: personName(x),
      body: x.body,
      createdAt: x.createdAt,
      files: files
        .filter((f) => f.messageId === x.id)
        .map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime })),
      mine: x.authorId === me,
      readBy: Number(x.readBy ?? 0),
      recipients: Number(x.recipients ?? 0),
    })),
    canReply: mayReply(member, me),
  };
}

/** `GET /api/messages/threads/:id`: the conversation, for its members only (404 for anyone else). */
export async function getThread(ctx: Ctx, threadId: number): Promise<ThreadPage> {
  return pageOf(ctx.db, requireMessaging(ctx), threadId);
}

/** How many messages by others the person has not read, in all the conversations they may open. */
export async function unreadOf(db: Db, m: Messenger): Promise<number> {
  const me = m.personId;
  const row = await db
    .selectFrom('threadMembers')
    .innerJoin('threads', 'threads.id', 'threadMembers.threadId')
    .innerJoin('messages', 'messages.threadId', 'threadMembers.threadId')
    .where((eb) => dialogStillOpen(eb, db, m))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('threadMembers.personId', '=', me)
    .where('messages.authorId', '!=', me)
    .where((w) =>
      w.or([
        w('threadMembers.readAt', 'is', null),
        w('messages.createdAt', '>', w.ref('threadMembers.readAt')),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** `GET /api/messages/unread`: the count beside «Сообщения». */
export async function getUnread(ctx: Ctx): Promise<{ unread: number }> {
  const m = requireMessaging(ctx);
  return { unread: await unreadOf(ctx.db, m) };
}

/**
 * `POST /api/messages/threads/:id/read`: the member has read the conversation up to now (a read
 * receipt for its authors). Writes and audits only when there is something new to mark.
 */
export async function markRead(ctx: Ctx, threadId: number): Promise<{ unread: number }> {
  const m = requireMessaging(ctx);
  const member = await requireMember(ctx.db, m, threadId);
  let newer = ctx.db.selectFrom('messages').select('messages.id').where('messages.threadId', '=', threadId);
  if (member.readAt !== null) newer = newer.where('messages.createdAt', '>', member.readAt);
  if (await newer.limit(1).executeTakeFirst()) {
    await ctx.db.transaction().execute(async (trx) => {
      const at = now();
      await trx.updateTable('threadMembers').set({ readAt: at }).where('id', '=', member.memberId).execute();
      await recordAudit(trx, ctx, {
        schoolId: member.schoolId,
        action: 'messages.read',
        entity: 'thread',
        entityId: threadId,
        after: { readAt: at },
      });
    });
  }
  return { unread: await unreadOf(ctx.db, m) };
}
