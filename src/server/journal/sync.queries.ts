import type { Transaction } from 'kysely';
import type { Db } from '../access/actor.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';

/** A received change's row, without its result. */
export interface Receipt {
  id: string;
  schoolId: number | null;
  personId: number;
  deviceId: string;
  seq: number;
  kind: string;
  madeAt: string;
  arrivedAt: string;
}

/** Another change with this id was stored meanwhile (a repeat sent at the same moment). */
export class AlreadyReceived extends Error {
  constructor() {
    super('change already received');
    this.name = 'AlreadyReceived';
  }
}

/** A later change of the device was stored meanwhile: this one arrives out of order. */
export class OutOfOrder extends Error {
  constructor(readonly lastSeq: number) {
    super('change out of order');
    this.name = 'OutOfOrder';
  }
}

/** The highest seq received from a person's device (0: none yet). */
export async function lastSeqOf(db: Db, personId: number, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('offlineChanges')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('personId', '=', personId)
    .where('deviceId', '=', deviceId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** The first results of the changes with these ids the person sent before, by id. */
export async function receivedResults(
  db: Db,
  personId: number,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('offlineChanges')
    .select(['id', 'result'])
    .where('personId', '=', personId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, JSON.parse(r.result) as Record<string, unknown>]));
}

/**
 * Stores a received change with its result, in the caller's transaction (beside its write). Under
 * the device's lock, it refuses a seq not above the device's last (OutOfOrder) and an id stored
 * meanwhile (AlreadyReceived); either rolls the write back.
 */
export async function storeReceipt(trx: Transaction<DB>, receipt: Receipt, result: unknown): Promise<void> {
  await lockForTransaction(trx, `offline:${receipt.personId}:${receipt.deviceId}`);
  const last = await lastSeqOf(trx, receipt.personId, receipt.deviceId);
  const taken = await trx
    .selectFrom('offlineChanges')
    .select('id')
    .where('id', '=', receipt.id)
    .executeTakeFirst();
  if (taken) throw new AlreadyReceived();
  if (receipt.seq <= last) throw new OutOfOrder(last);
  // Another person's change with the same id (not under this device's lock) is refused here, not
  // as a unique violation, which the cell writes would take for a cell saved meanwhile.
  const done = await trx
    .insertInto('offlineChanges')
    .values({ ...receipt, result: JSON.stringify(result) })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(done.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AlreadyReceived();
}

/** The time of a person's device's checkpoint on a course (undefined: no such checkpoint). */
export async function checkpointAt(
  db: Db,
  checkpointId: number,
  who: { personId: number; deviceId: string; courseId: number },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('offlineCheckpoints')
    .select('at')
    .where('id', '=', checkpointId)
    .where('personId', '=', who.personId)
    .where('deviceId', '=', who.deviceId)
    .where('courseId', '=', who.courseId)
    .executeTakeFirst();
  return row?.at;
}
