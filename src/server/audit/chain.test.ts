import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, chainKeyOf, eventHash, genesisHash } from './chain.ts';

const event: ChainedFields = {
  schoolId: 7,
  seq: 3,
  at: '2026-11-24T08:30:00.000Z',
  actorId: 41,
  actorKind: 'person',
  action: 'journal.mark.set',
  entity: 'mark',
  entityId: '1001',
  before: null,
  after: '{"value":"5"}',
  ip: '10.0.0.5',
  requestId: 'req-1',
};

const text = fc.option(fc.string({ maxLength: 20 }), { nil: null });
const id = fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: null });
const fields: fc.Arbitrary<ChainedFields> = fc.record({
  schoolId: id,
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  at: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actorId: id,
  actorKind: fc.constantFrom('person', 'system', 'anonymous'),
  action: fc.string({ minLength: 1, maxLength: 20 }),
  entity: fc.string({ minLength: 1, maxLength: 20 }),
  entityId: text,
  before: text,
  after: text,
  ip: text,
  requestId: text,
});
const hex = fc.stringMatching(/^[0-9a-f]{64}$/);

/** A value different from `value` of the same field's kind. */
function changed(key: keyof ChainedFields, value: unknown): unknown {
  if (key === 'seq') return (value as number) + 1;
  if (key === 'at') return new Date(new Date(value as string).getTime() + 1).toISOString();
  if (key === 'schoolId' || key === 'actorId') return value === null ? 1 : null;
  if (value === null) return '';
  return `${value as string}x`;
}

describe('the audit event hash', () => {
  it('is SHA-256 hex and the same for the same event and previous hash', () => {
    const hash = eventHash(genesisHash, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(genesisHash, { ...event })).toBe(hash);
  });

  it('changes when any one field changes, and with the previous hash', () => {
    const hash = eventHash(genesisHash, event);
    for (const key of Object.keys(event) as (keyof ChainedFields)[]) {
      const other = { ...event, [key]: changed(key, event[key]) } as ChainedFields;
      expect(eventHash(genesisHash, other), key).not.toBe(hash);
    }
    expect(eventHash('1'.repeat(64), event)).not.toBe(hash);
  });

  it('tells null from the text "null" and does not let text move between fields', () => {
    expect(eventHash(genesisHash, { ...event, before: 'null' })).not.toBe(
      eventHash(genesisHash, { ...event, before: null }),
    );
    const a = { ...event, entity: 'ma', entityId: 'rk1001' };
    const b = { ...event, entity: 'mark', entityId: '1001' };
    expect(eventHash(genesisHash, a)).not.toBe(eventHash(genesisHash, b));
  });

  it('reads the same instant written with an offset or without milliseconds alike', () => {
    expect(eventHash(genesisHash, { ...event, at: '2026-11-24T11:30:00+03:00' })).toBe(
      eventHash(genesisHash, event),
    );
  });

  it('property: any single changed field or previous hash gives another hash', () => {
    const keys = Object.keys(event) as (keyof ChainedFields)[];
    fc.assert(
      fc.property(fields, hex, fc.constantFrom(...keys), (e, prev, key) => {
        const hash = eventHash(prev, e);
        expect(eventHash(prev, { ...e, [key]: changed(key, e[key]) } as ChainedFields)).not.toBe(hash);
        const otherPrev = prev === genesisHash ? '1'.repeat(64) : genesisHash;
        expect(eventHash(otherPrev, e)).not.toBe(hash);
      }),
      { numRuns: 500 },
    );
  });

  it('puts events of no school in chain 0 and others in their school’s', () => {
    expect(chainKeyOf(null)).toBe(0);
    expect(chainKeyOf(12)).toBe(12);
  });
});
