import { PostgresAdapter } from 'kysely';
import type { Db } from '../access/actor.ts';
import { type ChainedFields, chainKeyOf, eventHash, genesisHash } from './chain.ts';

/** An audit event as written, before it takes its place in its chain. */
export type AuditRow = Omit<ChainedFields, 'seq' | 'actorKind'> & {
  actorKind: 'person' | 'system' | 'anonymous';
};

/** An audit event with its place in its chain: ready to insert. */
export type ChainedRow = AuditRow & { seq: number; prevHash: string; hash: string };

/** Rows per multi-row insert: 14 columns stay well under SQLite's 32,766 bound parameters. */
const insertRows = 1000;

/** The default insert: Kysely multi-row inserts in batches. */
async function insertRowsWithKysely(trx: Db, rows: readonly ChainedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += insertRows)
    await trx
      .insertInto('auditEvents')
      .values(rows.slice(i, i + insertRows))
      .execute();
}

/**
 * Appends events to their chains inside the caller's transaction, in the order given: locks the
 * head of each chain involved (ascending, so two appends never wait on each other in a circle),
 * gives each event the next `seq`, the hash of the event before it and its own hash, inserts them
 * (through `insert` when the caller writes rows its own way, e.g. the seed's bulk insert), then
 * moves the heads forward (in a transaction of their own when called outside one). Appends to one chain are thus serialized until the transaction ends;
 * the unique index on (chain, seq) refuses a fork should a lock ever be missing.
 */
export async function appendAuditRows(
  trx: Db,
  rows: readonly AuditRow[],
  insert: (trx: Db, rows: readonly ChainedRow[]) => Promise<void> = insertRowsWithKysely,
): Promise<void> {
  if (rows.length === 0) return;
  // Called outside a transaction (a read that is audited): the head's lock needs one of its own.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAuditRows(t, rows, insert));
  const keys = [...new Set(rows.map((r) => chainKeyOf(r.schoolId)))].sort((a, b) => a - b);
  const heads = new Map<number, { seq: number; hash: string }>();
  for (const key of keys) heads.set(key, await lockHead(trx, key));
  const chained = rows.map((row) => {
    const head = heads.get(chainKeyOf(row.schoolId))!;
    const seq = head.seq + 1;
    const hash = eventHash(head.hash, { ...row, seq });
    const out: ChainedRow = { ...row, seq, prevHash: head.hash, hash };
    head.seq = seq;
    head.hash = hash;
    return out;
  });
  await insert(trx, chained);
  const updatedAt = new Date().toISOString();
  for (const key of keys) {
    const head = heads.get(key)!;
    await trx
      .updateTable('auditHeads')
      .set({ seq: head.seq, hash: head.hash, updatedAt })
      .where('chainKey', '=', key)
      .execute();
  }
}

/**
 * The head of a chain, locked until the transaction ends. PostgreSQL: `select … for update`, the
 * row made first if the chain is new. SQLite: the head row is made (or left) by a write first, so
 * the transaction holds the database's write lock before it reads the head.
 */
async function lockHead(trx: Db, chainKey: number): Promise<{ seq: number; hash: string }> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const select = () => {
    const q = trx.selectFrom('auditHeads').select(['seq', 'hash']).where('chainKey', '=', chainKey);
    return (pg ? q.forUpdate() : q).executeTakeFirst();
  };
  const found = pg ? await select() : undefined;
  if (found) return found;
  await trx
    .insertInto('auditHeads')
    .values({ chainKey, seq: 0, hash: genesisHash, updatedAt: new Date().toISOString() })
    .onConflict((oc) => oc.column('chainKey').doNothing())
    .execute();
  const head = await select();
  if (!head) throw new Error(`audit head ${chainKey} is missing`);
  return head;
}
