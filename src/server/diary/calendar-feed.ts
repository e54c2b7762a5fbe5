import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addDays, weekdayOf } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../http/app-error.ts';
import { studentName } from '../journal/journal.present.ts';
import { actorId, requireDiaryReader } from './diary.policy.ts';
import { groupsDuring, inGroupOn } from './diary.queries.ts';
import { buildCalendar } from './ical.ts';
import { bellsOf, lessonsOfGroups } from './week.ts';

/** The state of a student's calendar address; the address itself only right after creation. */
export interface FeedState {
  url: string | null;
  active: boolean;
  createdAt: string | null;
}

/** How far back and ahead the feed reaches (days). */
export const feedWindow = { back: 14, ahead: 28 } as const;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The student's live feed, if any. */
export async function getFeed(ctx: Ctx, studentId: number): Promise<FeedState> {
  await requireDiaryReader(ctx, studentId);
  const live = await ctx.db
    .selectFrom('calendarFeeds')
    .select('createdAt')
    .where('studentId', '=', studentId)
    .where('revokedAt', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { url: null, active: Boolean(live), createdAt: live?.createdAt ?? null };
}

/** A new secret address (the previous one stops working); the address is shown only now. */
export async function createFeed(ctx: Ctx, studentId: number, siteUrl: string): Promise<FeedState> {
  const student = await requireDiaryReader(ctx, studentId);
  const token = randomBytes(32).toString('base64url');
  const createdAt = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('calendarFeeds')
      .set({ revokedAt: createdAt })
      .where('studentId', '=', studentId)
      .where('revokedAt', 'is', null)
      .execute();
    const row = await trx
      .insertInto('calendarFeeds')
      .values({
        schoolId: student.schoolId,
        studentId,
        tokenHash: hashOf(token),
        createdBy: actorId(ctx),
        createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: student.schoolId,
      action: 'diary.calendar.create',
      entity: 'calendarFeed',
      entityId: row.id,
      after: { studentId },
    });
  });
  return { url: `${siteUrl.replace(/\/+$/, '')}/api/calendar/${token}`, active: true, createdAt };
}

/** Stops the student's address from working. */
export async function revokeFeed(ctx: Ctx, studentId: number): Promise<FeedState> {
  const student = await requireDiaryReader(ctx, studentId);
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('calendarFeeds')
      .set({ revokedAt: new Date().toISOString() })
      .where('studentId', '=', studentId)
      .where('revokedAt', 'is', null)
      .returning('id')
      .execute();
    for (const r of revoked)
      await recordAudit(trx, ctx, {
        schoolId: student.schoolId,
        action: 'diary.calendar.revoke',
        entity: 'calendarFeed',
        entityId: r.id,
      });
  });
  return { url: null, active: false, createdAt: null };
}

/**
 * The iCalendar text behind a secret address: the student's lessons from two weeks back to four
 * ahead. Unknown or revoked addresses, and those whose creator no longer reads the diary, are 404.
 */
export async function feedText(db: Kysely<DB>, token: string): Promise<string> {
  if (token.length < 20 || token.length > 100) throw notFound();
  const feed = await db
    .selectFrom('calendarFeeds as f')
    .innerJoin('persons as s', 's.id', 'f.studentId')
    .select(['f.studentId', 'f.createdBy', 'f.schoolId', 's.lastName', 's.firstName'])
    .where('f.tokenHash', '=', hashOf(token))
    .where('f.revokedAt', 'is', null)
    .where('s.archivedAt', 'is', null)
    .executeTakeFirst();
  if (!feed) throw notFound();
  if (feed.createdBy !== feed.studentId) {
    const still = await db
      .selectFrom('guardianships')
      .select('id')
      .where('guardianId', '=', feed.createdBy)
      .where('studentId', '=', feed.studentId)
      .where('archivedAt', 'is', null)
      .executeTakeFirst();
    if (!still) throw notFound();
  }
  const on = today();
  const from = addDays(on, -feedWindow.back);
  const to = addDays(on, feedWindow.ahead);
  const groups = await groupsDuring(db, feed.studentId, from, to);
  const [lessons, bells] = await Promise.all([
    lessonsOfGroups(db, [...groups.keys()], from, to)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute(),
    bellsOf(db, feed.schoolId),
  ]);
  const events = lessons
    .filter((l) => inGroupOn(groups, l.groupId, l.date))
    .map((l) => {
      const bell = bells.get(`${weekdayOf(l.date)}:${l.lessonNumber}`);
      return {
        uid: `lesson-${l.id}-${feed.studentId}@otmetka`,
        date: l.date,
        startsAt: bell?.startsAt ?? null,
        endsAt: bell?.endsAt ?? null,
        summary: l.topic ? `${l.subject}: ${l.topic}` : l.subject,
        description: l.homework,
        cancelled: l.cancelledAt !== null,
      };
    });
  return buildCalendar({ name: `Уроки: ${studentName(feed)}`, stamp: new Date(), events });
}
