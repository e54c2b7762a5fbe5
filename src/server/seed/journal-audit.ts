import { PostgresAdapter, type Transaction } from 'kysely';
import { eventHash, genesisHash } from '../audit/chain.ts';
import type { DB } from '../db/schema.ts';
import { type BulkColumn, insertFromJson } from './journal-bulk.ts';

/** One seeded journal event: who did what to which new row, when, and the row's new state. */
export interface SeedEvent {
  action: string;
  entity: string;
  entityId: number;
  at: string;
  by: number;
  /** The event's `after` as JSON text. */
  after: string;
}

const auditColumns: BulkColumn[] = [
  ['school_id', 'int'],
  ['at', 'timestamptz'],
  ['actor_id', 'int'],
  ['actor_kind', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entity_id', 'text'],
  ['after', 'text'],
  ['seq', 'int'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

/** Events chained and written per statement: bounds the rows held in memory at once. */
const slice = 50_000;

/**
 * Appends a school's seeded journal events to the school's audit chain, in the order given, as
 * `appendAuditRows` does (the head locked for the transaction, `seq`, `prevHash` and the hash of
 * every event by `eventHash`, the head moved forward) but without its per-event objects: the seed
 * chains ≈400,000 events a school for a whole year, and building rows as arrays in slices keeps
 * the garbage collector out of the way. The events are of a person (`actorKind`), with no
 * `before`, IP or request id, as the journal's use cases write for a new row.
 */
export async function appendSeedEvents(
  trx: Transaction<DB>,
  schoolId: number,
  events: readonly SeedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const select = trx.selectFrom('auditHeads').select(['seq', 'hash']).where('chainKey', '=', schoolId);
  let head = await (pg ? select.forUpdate() : select).executeTakeFirst();
  if (!head) {
    head = { seq: 0, hash: genesisHash };
    await trx
      .insertInto('auditHeads')
      .values({ chainKey: schoolId, ...head, updatedAt: new Date().toISOString() })
      .execute();
  }
  let { seq, hash } = head;
  for (let from = 0; from < events.length; from += slice) {
    const rows: unknown[][] = [];
    for (const e of events.slice(from, from + slice)) {
      seq += 1;
      const entityId = String(e.entityId);
      const prevHash = hash;
      hash = eventHash(prevHash, {
        schoolId,
        seq,
        at: e.at,
        actorId: e.by,
        actorKind: 'person',
        action: e.action,
        entity: e.entity,
        entityId,
        before: null,
        after: e.after,
        ip: null,
        requestId: null,
      });
      rows.push([schoolId, e.at, e.by, 'person', e.action, e.entity, entityId, e.after, seq, prevHash, hash]);
    }
    await insertFromJson(trx, 'audit_events', auditColumns, rows);
  }
  await trx
    .updateTable('auditHeads')
    .set({ seq, hash, updatedAt: new Date().toISOString() })
    .where('chainKey', '=', schoolId)
    .execute();
}
