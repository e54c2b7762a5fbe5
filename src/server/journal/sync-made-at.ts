import type { OfflineChange } from '../../contract/offline.ts';
import type { Db } from '../access/actor.ts';
import { checkpointAt } from './sync.queries.ts';

/** When an offline change counts as made, and why the claimed time was not taken as it is. */
export interface MadeAt {
  madeAt: string;
  clamped: 'noCheckpoint' | 'beforeCheckpoint' | 'afterArrival' | null;
}

/**
 * The device's clock is not trusted: a change counts as made no earlier than the checkpoint the
 * device took when it loaded the course online, and no later than it arrived. Without a checkpoint
 * of this person, device and course, it counts as made when it arrived.
 */
export async function madeAtOf(
  db: Db,
  change: OfflineChange,
  who: { personId: number; deviceId: string; courseId: number },
  arrivedAt: string,
): Promise<MadeAt> {
  const claimed = new Date(change.madeAt).toISOString();
  const since = await checkpointAt(db, change.checkpointId, who);
  if (since === undefined) return { madeAt: arrivedAt, clamped: 'noCheckpoint' };
  const from = new Date(since).toISOString();
  if (claimed < from) return { madeAt: from, clamped: 'beforeCheckpoint' };
  if (claimed > arrivedAt) return { madeAt: arrivedAt, clamped: 'afterArrival' };
  return { madeAt: claimed, clamped: null };
}
