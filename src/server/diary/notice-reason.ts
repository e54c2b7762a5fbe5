import type { Db } from '../access/actor.ts';

/** A reason a parent's notice gives: one of the journal's absence reasons. */
export type NoticeReason = 'illness' | 'excused';

/**
 * The reasons parents gave in advance for the students' absence on a date: a live (not cancelled)
 * notice covering the date fills the reason of an absence recorded without one.
 */
export async function noticeReasons(
  db: Db,
  studentIds: readonly number[],
  date: string,
): Promise<Map<number, NoticeReason>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('absenceNotices')
    .select(['studentId', 'reason'])
    .where('studentId', 'in', [...studentIds])
    .where('fromDate', '<=', date)
    .where('toDate', '>=', date)
    .where('cancelledAt', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<number, NoticeReason>();
  for (const row of rows) if (!out.has(row.studentId)) out.set(row.studentId, row.reason as NoticeReason);
  return out;
}
