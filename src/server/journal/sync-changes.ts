import type { z } from 'zod';
import type { ChangeResult, checkpointBody, checkpointSaved, syncBody } from '../../contract/offline.ts';
import type { Ctx } from '../access/actor.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { personOf, requireCourse, teachesIn } from './journal.policy.ts';
import { lastSeqOf, receivedResults } from './sync.queries.ts';
import { applyChange } from './sync-apply.ts';

/** The person if they teach in some school; else 403 (working offline is for teachers). */
function requireTeacher(ctx: Ctx): number {
  const me = personOf(ctx);
  if (ctx.actor.kind !== 'person' || me === null || !ctx.actor.grants.some((g) => g.role === 'teacher'))
    throw new AppError('forbidden', 'syncNotTeacher');
  return me;
}

/**
 * The device loaded a course online: records the moment, so changes it makes offline under this
 * checkpoint count as made no earlier. 404 for a course the teacher does not see, 403 for a
 * course of a school where they do not teach.
 */
export async function recordCheckpoint(
  ctx: Ctx,
  body: z.infer<typeof checkpointBody>,
): Promise<z.infer<typeof checkpointSaved>> {
  const personId = requireTeacher(ctx);
  const course = await requireCourse(ctx, body.courseId);
  if (!teachesIn(ctx, course.schoolId)) throw forbidden();
  const at = new Date().toISOString();
  const row = await ctx.db
    .insertInto('offlineCheckpoints')
    .values({ personId, deviceId: body.deviceId, courseId: course.id, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { checkpointId: row.id, at };
}

/**
 * Applies a device's offline changes in seq order, each once: an id received before answers its
 * first result (`duplicate`), a seq not above the last one received from the device is refused
 * (`outOfOrder`), everything else goes through the online rules and is `applied` or a `conflict`
 * with both values. Results come back in the order the changes were sent.
 */
export async function syncChanges(
  ctx: Ctx,
  body: z.infer<typeof syncBody>,
): Promise<{ results: ChangeResult[] }> {
  const personId = requireTeacher(ctx);
  const arrivedAt = new Date().toISOString();
  const first = await receivedResults(
    ctx.db,
    personId,
    body.changes.map((c) => c.id),
  );
  let last = await lastSeqOf(ctx.db, personId, body.deviceId);
  const results: ChangeResult[] = new Array(body.changes.length);
  const order = body.changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => a.change.seq - b.change.seq || a.i - b.i);
  for (const { change, i } of order) {
    const earlier = first.get(change.id);
    if (earlier) {
      results[i] = { id: change.id, seq: change.seq, status: 'duplicate', first: earlier };
      continue;
    }
    if (change.seq <= last) {
      results[i] = { id: change.id, seq: change.seq, status: 'outOfOrder', lastSeq: last };
      continue;
    }
    const result = await applyChange(ctx, body.deviceId, change, arrivedAt);
    results[i] = result;
    if (result.status === 'applied' || result.status === 'conflict') {
      first.set(change.id, result);
      last = change.seq;
    }
  }
  return { results };
}
