import type { Ctx } from '../access/actor.ts';
import { requireStudent } from './people.policy.ts';
import { fullName } from './people.present.ts';

/** Who opened the student's card and when, newest first (for the administrator and class teacher). */
export async function listCardViews(ctx: Ctx, studentId: number, limit = 200) {
  await requireStudent(ctx, studentId, 'student.edit');
  const rows = await ctx.db
    .selectFrom('cardViews')
    .innerJoin('persons', 'persons.id', 'cardViews.viewerId')
    .select(['cardViews.at', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('cardViews.studentId', '=', studentId)
    .orderBy('cardViews.at', 'desc')
    .orderBy('cardViews.id', 'desc')
    .limit(limit)
    .execute();
  return { views: rows.map((r) => ({ at: new Date(r.at).toISOString(), viewer: fullName(r) })) };
}
