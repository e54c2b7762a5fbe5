import { mondayOf } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { actorId, requireDiaryReader } from './diary.policy.ts';
import { keyOf, matches, weekCache } from './diary-cache.ts';
import { buildWeek } from './week.ts';

/** A diary read: the body as JSON text, or «not modified» for a matching ETag. */
export type CachedRead = { etag: string; body: string | null };

/**
 * The week holding `date` (today when left out) for a reader of the student's diary. A repeat
 * read costs one indexed query (the policy, which also reads the diary's versions); the body
 * comes from the process cache, or nothing at all when the client's ETag still matches.
 */
export async function readWeek(
  ctx: Ctx,
  studentId: number,
  date: string | undefined,
  ifNoneMatch: string | undefined,
): Promise<CachedRead> {
  const student = await requireDiaryReader(ctx, studentId);
  const viewerId = actorId(ctx);
  const on = today();
  const weekStart = mondayOf(date ?? on);
  const { key, etag } = keyOf({
    view: 'week',
    viewerId,
    studentId,
    scope: weekStart,
    version: student.version,
    today: on,
  });
  if (matches(ifNoneMatch, etag)) return { etag, body: null };
  let body = weekCache.get(key);
  if (body === undefined) {
    body = JSON.stringify(await buildWeek(ctx.db, student, viewerId, weekStart));
    weekCache.set(key, body);
  }
  return { etag, body };
}
