import { createHash } from 'node:crypto';

/**
 * The audit chain. Every audit event stores its place in its chain (`seq`, from 1), the hash of
 * the event before it (`prevHash`) and its own hash, computed over its fields and `prevHash`.
 * A school's events form one chain; events of no school (district, installation) form chain 0.
 * Editing, deleting or inserting an event breaks the chain from that point on.
 */

/** The `prevHash` of a chain's first event. */
export const genesisHash = '0'.repeat(64);

/** The chain an event belongs to: its school, or 0 for events of no school. */
export function chainKeyOf(schoolId: number | null): number {
  return schoolId ?? 0;
}

/** The fields of an audit event that its hash covers, as stored (JSON as text). */
export interface ChainedFields {
  schoolId: number | null;
  seq: number;
  at: string;
  actorId: number | null;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  requestId: string | null;
}

/**
 * The hash of one event: SHA-256 (hex) of the previous hash and the event's fields in a fixed
 * order, as one JSON array, so no two different events share their input. `at` is normalised to
 * ISO-8601 with milliseconds, the form both engines give back.
 */
export function eventHash(prevHash: string, e: ChainedFields): string {
  const input = JSON.stringify([
    prevHash,
    e.schoolId,
    e.seq,
    new Date(e.at).toISOString(),
    e.actorId,
    e.actorKind,
    e.action,
    e.entity,
    e.entityId,
    e.before,
    e.after,
    e.ip,
    e.requestId,
  ]);
  return createHash('sha256').update(input).digest('hex');
}
