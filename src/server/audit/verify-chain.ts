import { type ChainedFields, eventHash, genesisHash } from './chain.ts';

/** What can be wrong with the history. */
export type ProblemKind = 'edited' | 'deleted' | 'inserted' | 'headMismatch' | 'valueMismatch';

/** One stored audit event as the walker reads it. */
export interface ChainEvent extends ChainedFields {
  id: number;
  prevHash: string;
  hash: string;
}

/** A chain's head as stored: the seq and hash of its last event. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** One thing found wrong, with what is known of the event (or row) it is about. */
export interface AuditProblem {
  kind: ProblemKind;
  seq: number | null;
  eventId: number | null;
  at: string | null;
  actorId: number | null;
  actorKind: string | null;
  action: string | null;
  entity: string | null;
  entityId: string | null;
  /** valueMismatch: the field of the row that differs. */
  field?: 'value' | 'comment' | 'reason';
  /**
   * deleted: the first and last missing seq. headMismatch: the head's seq (expected) and the last
   * event's (found). valueMismatch: the value by the history (expected) and in the table (found).
   */
  missingFrom?: number;
  missingTo?: number;
  expected?: string | null;
  found?: string | null;
}

/** Problems kept in full; beyond it they are only counted (the first one is what matters). */
export const keptProblems = 100;

/** Problems found, the first `keptProblems` of them kept, all of them counted. */
export class ProblemList {
  readonly items: AuditProblem[] = [];
  count = 0;

  add(problem: AuditProblem): void {
    this.count += 1;
    if (this.items.length < keptProblems) this.items.push(problem);
  }
}

function about(e: ChainEvent): Omit<AuditProblem, 'kind'> {
  return {
    seq: e.seq,
    eventId: e.id,
    at: e.at,
    actorId: e.actorId,
    actorKind: e.actorKind,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
  };
}

const noEvent = {
  eventId: null,
  at: null,
  actorId: null,
  actorKind: null,
  action: null,
  entity: null,
  entityId: null,
};

/**
 * Walks one chain's events in seq order (fed page by page) and finds where it is broken:
 * edited — the stored hash is not the hash of the event's fields;
 * deleted — seqs are missing before an event;
 * inserted — a second event with a seq already taken, or an event whose prevHash is not the
 * hash of the event before it (it was not written after it);
 * headMismatch — the last event is not the one the head names (a cut or extended tail).
 * Holds only the last event and the events of one seq, never the chain.
 */
export class ChainWalker {
  checked = 0;
  lastSeq = 0;
  lastHash = genesisHash;
  lastAt: string | null = null;
  private group: ChainEvent[] = [];

  constructor(readonly problems: ProblemList = new ProblemList()) {}

  /** Feeds the next events, ordered by seq then id. */
  push(events: readonly ChainEvent[]): void {
    for (const e of events) {
      const first = this.group[0];
      if (first && first.seq !== e.seq) this.settle();
      this.group.push(e);
    }
  }

  /** Ends the walk: compares the last event with the head (null: the chain has no head). */
  finish(head: ChainHead | null): void {
    this.settle();
    if (head === null) {
      if (this.checked > 0)
        this.problems.add({
          kind: 'headMismatch',
          seq: this.lastSeq,
          ...noEvent,
          expected: null,
          found: null,
        });
      return;
    }
    if (head.seq !== this.lastSeq || head.hash !== this.lastHash)
      this.problems.add({
        kind: 'headMismatch',
        seq: head.seq,
        ...noEvent,
        expected: String(head.seq),
        found: String(this.lastSeq),
      });
  }

  private settle(): void {
    const events = this.group;
    this.group = [];
    if (events.length === 0) return;
    const link = this.lastHash;
    const seq = events[0]!.seq;
    const valid = (e: ChainEvent) => eventHash(e.prevHash, e) === e.hash;
    // Of several events with one seq, the one that fits the chain is the original.
    const original = events.find((e) => valid(e) && e.prevHash === link) ?? events.find(valid) ?? events[0]!;
    this.checked += events.length;
    for (const e of events) if (e !== original) this.problems.add({ kind: 'inserted', ...about(e) });
    const expected = this.lastSeq + 1;
    if (seq > expected)
      this.problems.add({ kind: 'deleted', ...about(original), missingFrom: expected, missingTo: seq - 1 });
    // Not linked to the event before it: put in, not written after it.
    if (seq < expected || (seq === expected && original.prevHash !== link))
      this.problems.add({ kind: 'inserted', ...about(original) });
    else if (!valid(original)) this.problems.add({ kind: 'edited', ...about(original) });
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.lastHash = original.hash;
    this.lastAt = original.at;
  }
}
