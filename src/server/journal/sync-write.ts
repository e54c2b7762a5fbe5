import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * How a journal write runs when it carries an offline change: the time it counts as made (stored
 * as the entry's time, which the control of the record judges by), what its audit event adds
 * (`madeAt`, `arrivedAt`, `offline`), and a step that stores the received change in the same
 * transaction, so a crash never keeps the write without its receipt or the other way round.
 */
export interface OfflineWrite {
  madeAt: string;
  audit: Record<string, unknown>;
  /** Refuses the write (by throwing) when what it changes is not what the device saw (the lesson page). */
  check?(trx: Transaction<DB>): Promise<void>;
  receive(trx: Transaction<DB>, result: unknown): Promise<void>;
}

/** Runs a write's transaction; an offline change's receipt is stored in it, after the write. */
export function writeTransaction<T>(
  db: Kysely<DB>,
  offline: OfflineWrite | undefined,
  run: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await run(trx);
    if (offline) await offline.receive(trx, result);
    return result;
  });
}
