import type { Ctx } from '../access/actor.ts';
import type { CardViewSource } from '../db/schema.ts';

/** One viewed person: a student's own data (`guardianId` null) or a parent's, shown with the student. */
export interface ViewedPerson {
  schoolId: number;
  studentId: number;
  guardianId: number | null;
}

/**
 * Logs that the signed-in actor saw these people's personal data at `source` (152-ФЗ): one row
 * per viewed person (a parent of two children in one list once), in one insert. Otmetka's own jobs (no person) log nothing.
 */
export async function logCardViews(ctx: Ctx, source: CardViewSource, viewed: readonly ViewedPerson[]) {
  if (ctx.actor.kind !== 'person' || viewed.length === 0) return;
  const viewerId = ctx.actor.personId;
  const at = new Date().toISOString();
  const seen = new Set<string>();
  const rows = viewed.filter((v) => {
    const key = v.guardianId === null ? `s${v.studentId}` : `g${v.guardianId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('cardViews')
      .values(rows.slice(i, i + 500).map((v) => ({ ...v, viewerId, source, at })))
      .execute();
}

/**
 * Logs that the actor saw the personal data of everyone a class's journal lists: the students of
 * the class in the year and their live parents (a printed whole journal, «Общие сведения»).
 */
export async function logClassViewed(ctx: Ctx, source: CardViewSource, schoolId: number, classId: number) {
  const students = await ctx.db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groups as g', 'g.id', 'gm.groupId')
    .select('gm.studentId')
    .distinct()
    .where('g.classId', '=', classId)
    .where('g.kind', '=', 'class')
    .execute();
  const ids = students.map((s) => s.studentId);
  const parents = ids.length
    ? await ctx.db
        .selectFrom('guardianships')
        .select(['studentId', 'guardianId'])
        .where('studentId', 'in', ids)
        .where('archivedAt', 'is', null)
        .execute()
    : [];
  await logCardViews(ctx, source, [
    ...ids.map((studentId) => ({ schoolId, studentId, guardianId: null })),
    ...parents.map((p) => ({ schoolId, studentId: p.studentId, guardianId: p.guardianId })),
  ]);
}
