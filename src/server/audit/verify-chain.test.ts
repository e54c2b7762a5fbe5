import { describe, expect, it } from 'vitest';
import { eventHash, genesisHash } from './chain.ts';
import { type ChainEvent, ChainWalker, keptProblems } from './verify-chain.ts';

/** A well-formed chain of n events of school 7. */
function chain(n: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = {
      schoolId: 7,
      seq,
      at: new Date(Date.UTC(2026, 8, 1, 8, seq)).toISOString(),
      actorId: 3,
      actorKind: 'person',
      action: 'journal.mark.set',
      entity: 'mark',
      entityId: String(100 + seq),
      before: null,
      after: JSON.stringify({ value: '5', comment: null }),
      ip: '10.0.0.1',
      requestId: `r${seq}`,
    };
    const hash = eventHash(prevHash, fields);
    events.push({ ...fields, id: seq, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

function walk(events: ChainEvent[], head = events.at(-1) ?? null, pageSize = 3) {
  const walker = new ChainWalker();
  for (let i = 0; i < events.length; i += pageSize) walker.push(events.slice(i, i + pageSize));
  walker.finish(head && { seq: head.seq, hash: head.hash });
  return { walker, kinds: walker.problems.items.map((p) => [p.kind, p.seq]) };
}

describe('the chain walker', () => {
  it('finds nothing wrong with an intact chain, read in pages of any size', () => {
    for (const size of [1, 2, 5, 100]) {
      const { walker, kinds } = walk(chain(10), undefined, size);
      expect(kinds).toEqual([]);
      expect(walker.checked).toBe(10);
      expect(walker.lastSeq).toBe(10);
    }
  });

  it('finds an edited event by its hash, and only that one', () => {
    const events = chain(6);
    events[2] = { ...events[2]!, after: JSON.stringify({ value: '2', comment: null }) };
    expect(walk(events).kinds).toEqual([['edited', 3]]);
  });

  it('finds an edited event whose hash was computed again, by the link of the next', () => {
    const events = chain(6);
    const forged = { ...events[2]!, after: JSON.stringify({ value: '2', comment: null }) };
    events[2] = { ...forged, hash: eventHash(forged.prevHash, forged) };
    expect(walk(events).kinds).toEqual([['inserted', 4]]);
  });

  it('finds a deleted event as a gap, with the missing seqs', () => {
    const events = chain(6).filter((e) => e.seq !== 4);
    const { walker, kinds } = walk(events);
    expect(kinds).toEqual([['deleted', 5]]);
    expect(walker.problems.items[0]).toMatchObject({ missingFrom: 4, missingTo: 4 });
  });

  it('finds a forged event with a seq already taken, whichever of the two comes first', () => {
    const events = chain(5);
    const forged = { ...events[1]!, id: 99, after: JSON.stringify({ value: '5' }), prevHash: 'f'.repeat(64) };
    expect(walk([...events.slice(0, 2), forged, ...events.slice(2)]).kinds).toEqual([['inserted', 2]]);
    const before = walk([events[0]!, forged, ...events.slice(1)]);
    expect(before.kinds).toEqual([['inserted', 2]]);
    expect(before.walker.problems.items[0]!.eventId).toBe(99);
  });

  it('finds an event that links to no event before it', () => {
    const events = chain(4);
    const fields = { ...events[3]!, seq: 5, id: 5, prevHash: 'a'.repeat(64) };
    const forged = { ...fields, hash: eventHash(fields.prevHash, fields) };
    expect(walk([...events, forged]).kinds).toEqual([['inserted', 5]]);
  });

  it('finds a cut tail and a missing head', () => {
    const events = chain(6);
    expect(walk(events.slice(0, 4), events[5]).kinds).toEqual([['headMismatch', 6]]);
    expect(walk(events, null).kinds).toEqual([['headMismatch', 6]]);
    expect(walk([], null).kinds).toEqual([]);
    expect(walk([], events[0]).kinds).toEqual([['headMismatch', 1]]);
  });

  it('keeps the first problems in full and counts all of them', () => {
    const events = chain(keptProblems + 50).map((e) => ({ ...e, hash: '0'.repeat(64) }));
    const { walker } = walk(events, null);
    expect(walker.problems.count).toBeGreaterThan(keptProblems);
    expect(walker.problems.items).toHaveLength(keptProblems);
    expect(walker.problems.items[0]).toMatchObject({ kind: 'edited', seq: 1 });
  });
});
