import { sql } from 'kysely';
import type { z } from 'zod';
import type { announcementBody } from '../../contract/messages.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { type Messenger, membershipsOn, now, requireMessaging } from './messages.policy.ts';
import { storeMessage } from './send.ts';
import { pageOf, type ThreadPage } from './threads.ts';

/** Where an announcement goes: one class (its whole-class group) or the whole school. */
interface Audience {
  schoolId: number;
  classId: number | null;
}

/** The class if the actor leads it as a teacher of its school; else 403 (same school) or 404. */
async function classAudience(ctx: Ctx, m: Messenger, classId: number): Promise<Audience> {
  const cls = await ctx.db
    .selectFrom('classes')
    .select(['classes.id', 'classes.schoolId', 'classes.classTeacherId'])
    .where('classes.id', '=', classId)
    .where('classes.archivedAt', 'is', null)
    .executeTakeFirst();
  if (!cls) throw notFound();
  const leads =
    ctx.actor.kind === 'person' &&
    reachOf(ctx.actor, 'messages.announceClass').relations.has('classTeacher') &&
    cls.classTeacherId === m.personId &&
    ctx.actor.grants.some((g) => g.role === 'teacher' && g.schoolId === cls.schoolId);
  if (leads) return { schoolId: cls.schoolId, classId: cls.id };
  if (reachOf(ctx.actor, 'school.view').schoolIds.includes(cls.schoolId)) throw forbidden();
  throw notFound();
}

/** The school the actor may announce to (the leadership and the administrator), else 403. */
function schoolAudience(ctx: Ctx): Audience {
  const schoolId = reachOf(ctx.actor, 'messages.announceSchool').schoolIds[0];
  if (schoolId === undefined) throw forbidden();
  return { schoolId, classId: null };
}

/** Today's live students of the audience: the class's, or every live class's of the school. */
function studentsOf(db: Db, audience: Audience, on: string) {
  let q = membershipsOn(db, on)
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
    .select('groupMemberships.studentId as personId')
    .where('groups.kind', '=', 'class')
    .where('classes.archivedAt', 'is', null)
    .where('classes.schoolId', '=', audience.schoolId)
    .where('persons.archivedAt', 'is', null);
  if (audience.classId !== null) q = q.where('classes.id', '=', audience.classId);
  return q;
}

/** The recipients: the students' live guardians, and the students themselves when asked. */
function recipientsOf(db: Db, audience: Audience, toStudents: boolean) {
  const on = today();
  const students = studentsOf(db, audience, on);
  const guardians = db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
    .select('guardianships.guardianId as personId')
    .where(
      'guardianships.studentId',
      'in',
      studentsOf(db, audience, on).clearSelect().select('groupMemberships.studentId'),
    )
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null);
  return toStudents ? guardians.union(students) : guardians;
}

/**
 * `POST /api/messages/announcements`: with `classId` its class teacher announces to the class's
 * parents; without, the leadership or the administrator to every parent of the school; students
 * too with `toStudents`. Recipients are fixed at sending (one INSERT … SELECT) and cannot reply;
 * the author may add messages.
 */
export async function announce(ctx: Ctx, input: z.infer<typeof announcementBody>): Promise<ThreadPage> {
  const m = requireMessaging(ctx);
  const audience =
    input.classId === undefined ? schoolAudience(ctx) : await classAudience(ctx, m, input.classId);
  const { schoolId, classId } = audience;
  const threadId = await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    const thread = await trx
      .insertInto('threads')
      .values({
        schoolId,
        kind: classId === null ? 'school' : 'class',
        studentId: null,
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
      .values({ schoolId, threadId: thread.id, personId: m.personId, readAt: at })
      .execute();
    const members = await trx
      .insertInto('threadMembers')
      .columns(['schoolId', 'threadId', 'personId'])
      .expression(
        trx
          .selectFrom(recipientsOf(trx, audience, input.toStudents).as('r'))
          .distinct()
          .select([
            sql<number>`cast(${schoolId} as integer)`.as('schoolId'),
            sql<number>`cast(${thread.id} as integer)`.as('threadId'),
            'r.personId',
          ])
          .where('r.personId', '!=', m.personId),
      )
      .returning('personId')
      .execute();
    if (members.length === 0) throw new AppError('validation', 'messagesNoRecipients');
    const recipientIds = members.map((r) => r.personId);
    const messageId = await storeMessage(trx, ctx, m, {
      schoolId,
      threadId: thread.id,
      body: input.body,
      fileIds: input.fileIds,
      recipientIds,
    });
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'messages.announce',
      entity: 'thread',
      entityId: thread.id,
      after: {
        classId,
        subject: input.subject,
        toStudents: input.toStudents,
        recipients: recipientIds.length,
        messageId,
        fileIds: input.fileIds,
      },
    });
    return thread.id;
  });
  return pageOf(ctx.db, m, threadId);
}
