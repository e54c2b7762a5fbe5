import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OfflineChange } from '../../contract/offline.ts';
import type { DB } from '../db/schema.ts';

/** A device of the tests: its id, a checkpoint taken at `since` on a course, and its next seq. */
export async function testDevice(db: Kysely<DB>, personId: number, courseId: number, since: string) {
  const deviceId = randomUUID();
  const row = await db
    .insertInto('offlineCheckpoints')
    .values({ personId, deviceId, courseId, at: since })
    .returning('id')
    .executeTakeFirstOrThrow();
  let seq = 0;
  /** A change of this device with the next seq (or the one given). */
  const change = <T extends Partial<OfflineChange>>(fields: T & { kind: OfflineChange['kind'] }) =>
    ({
      id: randomUUID(),
      seq: ++seq,
      madeAt: new Date().toISOString(),
      checkpointId: row.id,
      ...fields,
    }) as OfflineChange;
  return { deviceId, checkpointId: row.id, change };
}
