import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Queued } from './device-db.ts';
import { type Draft, nextBatch, type Plan, planEnqueue, rebase } from './outbox-rules.ts';

type Seen = { value: string; version: number } | null;

const where = { courseId: 1, place: 'Математика, 5А' };
const markKey = (lessonId: number) => `m:${lessonId}:11:9`;
const mark = (value: string, base: Seen, lessonId: number): Draft => ({
  kind: 'mark',
  lessonId,
  studentId: 11,
  workKindId: 9,
  value,
  comment: null,
  base,
});
const markCell = (value: string, version: number) => ({
  lessonId: 5,
  studentId: 11,
  workKindId: 9,
  value,
  comment: null,
  version,
});
const baseOf = (q: Queued) => ('base' in q.change ? q.change.base : undefined);
const markValue = (q: Queued) => (q.change.kind === 'mark' ? q.change.value : undefined);

/** What the outbox does with a plan: removes, puts, keeps the queue in seq order. */
function apply(queue: readonly Queued[], plan: Plan): Queued[] {
  const gone = new Set([...plan.remove, ...plan.put.map((q) => q.seq)]);
  return [...queue.filter((q) => !gone.has(q.seq)), ...plan.put].sort((a, b) => a.seq - b.seq);
}

function enqueue(
  queue: readonly Queued[],
  key: string,
  draft: Draft,
  seq: number,
  sending: ReadonlySet<number>,
) {
  const stamp = {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    madeAt: '2026-11-20T09:15:00.000Z',
    checkpointId: 4,
  };
  return apply(queue, planEnqueue(queue, sending, where, key, draft, stamp));
}

const cells = [markKey(5), markKey(6)];
type Step = { type: 'type'; cell: number; value: string } | { type: 'send' | 'answer' | 'lost' };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('type' as const),
      cell: fc.integer({ min: 0, max: 1 }),
      value: fc.constantFrom('', '2', '3', '4', '5'),
    }),
  },
  fc.constant({ type: 'send' as const }),
  fc.constant({ type: 'answer' as const }),
  fc.constant({ type: 'lost' as const }),
);

const type0 = (value: string): Step => ({ type: 'type', cell: 0, value });

describe('the queue under any typing and sending (property)', () => {
  it('keeps at most one change per cell behind the one sent, in order, with the last value typed, and never clashes with itself', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40, size: 'max' }), (steps) => {
        // The server, and what the grid last learned from it (absorbOffline): one teacher, one device.
        const server = new Map<string, Seen>(cells.map((c) => [c, { value: '4', version: 3 }]));
        const grid = new Map(server);
        const typed = new Map<string, string>();
        let queue: Queued[] = [];
        let sending = new Set<number>();
        let sent: Queued[] = [];
        let seq = 100;
        for (const s of steps) {
          if (s.type === 'type') {
            const key = cells[s.cell]!;
            typed.set(key, s.value);
            queue = enqueue(queue, key, mark(s.value, grid.get(key)!, 5 + s.cell), ++seq, sending);
          } else if (s.type === 'send') {
            // One send at a time, as the outbox does: a second waits for the first one's answer.
            if (sent.length === 0) sent = nextBatch(queue, 500);
            sending = new Set(sent.map((q) => q.seq));
          } else if (s.type === 'lost') {
            // The connection went before the batch arrived: all of it waits to be sent again.
            sent = [];
            sending = new Set();
          } else {
            // The server applies what was sent, as it was sent; then the queue takes the answers.
            for (const change of sent) {
              expect(baseOf(change)).toEqual(server.get(change.cellKey));
              const old = server.get(change.cellKey);
              const value = markValue(change)!;
              const cell = value === '' ? null : markCell(value, (old?.version ?? 0) + 1);
              server.set(change.cellKey, cell && { value, version: cell.version });
              grid.set(change.cellKey, server.get(change.cellKey)!);
              expect(queue.some((q) => q.seq === change.seq)).toBe(true);
              queue = apply(queue, { put: rebase(queue, change, cell), remove: [change.seq] });
            }
            sent = [];
            sending = new Set();
            for (const [key, value] of typed)
              if (!queue.some((q) => q.cellKey === key)) expect(server.get(key)?.value ?? '').toBe(value);
          }
          const seqs = queue.map((q) => q.seq);
          expect(seqs.every((n, i) => i === 0 || n > seqs[i - 1]!)).toBe(true);
          for (const key of cells) {
            const own = queue.filter((q) => q.cellKey === key);
            // One on its way (or sent before the connection went) and at most one typed after it.
            expect(own.length).toBeLessThanOrEqual(2);
            if (sending.size > 0)
              expect(own.filter((q) => !sending.has(q.seq)).length).toBeLessThanOrEqual(1);
            if (own.length > 0) expect(markValue(own.at(-1)!)).toBe(typed.get(key));
          }
        }
      }),
      // A change typed while another of its cell was on its way, then the connection lost, then a send.
      {
        numRuns: 300,
        examples: [
          [
            [
              type0('5'),
              { type: 'send' },
              type0('3'),
              { type: 'lost' },
              { type: 'send' },
              { type: 'answer' },
            ],
          ],
        ],
      },
    );
  });
});
