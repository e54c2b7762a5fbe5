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
