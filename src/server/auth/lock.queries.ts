import type { Db } from '../access/actor.ts';

/** Locks a live session unless it is locked already; true when this call locked it. */
export async function markLocked(db: Db, sessionId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ lockedAt: at })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .where('lockedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Unlocks a live locked session and notes the activity; true when this call unlocked it. */
export async function markUnlocked(db: Db, sessionId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ lockedAt: null, lastSeenAt: at })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .where('lockedAt', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
