import { describe, expect, it } from 'vitest';
import type { ChangeResult, OfflineChange } from '../../contract/offline.ts';
import type { Conflict, Queued } from './device-db.ts';
import {
  type Draft,
  nextBatch,
  outcomeOf,
  type Plan,
  planEnqueue,
  planKeepMine,
  planRefused,
  rebase,
  type Stamp,
  sameAsServer,
} from './outbox-rules.ts';

const where = { courseId: 1, place: 'Математика, 5А' };
const none: ReadonlySet<number> = new Set();

function stamp(seq: number): Stamp {
  const minute = String(seq % 60).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    madeAt: `2026-11-20T09:${minute}:00.000Z`,
    checkpointId: 4,
  };
}

type Seen = { value: string; version: number } | null;

function mark(value: string, base: Seen, lessonId = 5, comment: string | null = null): Draft {
  return { kind: 'mark', lessonId, studentId: 11, workKindId: 9, value, comment, base };
}

const markKey = (lessonId = 5) => `m:${lessonId}:11:9`;

/** What the outbox does with a plan: removes, puts, keeps the queue in seq order. */
function apply(queue: readonly Queued[], plan: Plan): Queued[] {
  const gone = new Set([...plan.remove, ...plan.put.map((q) => q.seq)]);
  return [...queue.filter((q) => !gone.has(q.seq)), ...plan.put].sort((a, b) => a.seq - b.seq);
}

function enqueue(queue: readonly Queued[], key: string, draft: Draft, seq: number, sending = none) {
  return apply(queue, planEnqueue(queue, sending, where, key, draft, stamp(seq)));
}

function refused(entry: Queued, cell: unknown, reason: Conflict['reason'] = 'cellChanged'): Queued {
  const conflict: Conflict = {
    id: entry.change.id,
    seq: entry.seq,
    status: 'conflict',
    reason,
    message: 'Клетку уже изменили',
    server:
      cell === undefined ? null : { cell: cell as never, by: 'Петрова А. В.', at: '2026-11-20T10:00:00Z' },
    yours: {},
  };
  return { ...entry, state: 'conflict', conflict };
}

const markCell = (value: string, version: number, comment: string | null = null) => ({
  lessonId: 5,
  studentId: 11,
  workKindId: 9,
  value,
  comment,
  version,
});

const field = <K extends keyof OfflineChange>(q: Queued, k: K) => q.change[k];
const baseOf = (q: Queued) => ('base' in q.change ? q.change.base : undefined);
const markValue = (q: Queued) => (q.change.kind === 'mark' ? q.change.value : undefined);

describe('planEnqueue', () => {
  it('replaces a waiting change of the same cell by the newer value, keeping the older base', () => {
    let queue = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    queue = enqueue(queue, markKey(), mark('3', { value: '5', version: 9 }), 11);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ seq: 11, cellKey: markKey(), state: 'waiting', conflict: null });
    expect(markValue(queue[0]!)).toBe('3');
    expect(baseOf(queue[0]!)).toEqual({ value: '4', version: 3 });
    expect(field(queue[0]!, 'id')).toBe(stamp(11).id);
    expect(field(queue[0]!, 'madeAt')).toBe(stamp(11).madeAt);
  });

  it('appends the newer change when the older one is on its way, with the base it was given', () => {
    const first = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    const queue = enqueue(first, markKey(), mark('3', { value: '4', version: 3 }), 11, new Set([10]));
    expect(queue.map((q) => [q.seq, markValue(q)])).toEqual([
      [10, '5'],
      [11, '3'],
    ]);
    expect(baseOf(queue[1]!)).toEqual({ value: '4', version: 3 });
  });

  it('settles a conflict of the cell: it goes, the new change takes the server’s cell as base', () => {
    const queued = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    const clash = [refused(queued[0]!, markCell('2', 7))];
    const queue = enqueue(clash, markKey(), mark('3', { value: '4', version: 3 }), 11);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ seq: 11, state: 'waiting', conflict: null });
    expect(baseOf(queue[0]!)).toEqual({ value: '2', version: 7 });

    const cleared = enqueue(
      [refused(queued[0]!, null)],
      markKey(),
      mark('3', { value: '4', version: 3 }),
      12,
    );
    expect(baseOf(cleared[0]!)).toBeNull();
  });

  it('queues «attendance taken» once per lesson, and again once the first is refused', () => {
    const taken: Draft = { kind: 'attendanceTaken', lessonId: 5 };
    const once = enqueue([], 't:5', taken, 10);
    expect(enqueue(once, 't:5', taken, 11)).toEqual(once);
    expect(enqueue(once, 't:5', taken, 11, new Set([10]))).toEqual(once);
    const again = enqueue([refused(once[0]!, undefined, 'lessonGone')], 't:5', taken, 12);
    expect(again.map((q) => [q.seq, q.state])).toEqual([[12, 'waiting']]);
    expect(enqueue(once, 't:6', { kind: 'attendanceTaken', lessonId: 6 }, 13)).toHaveLength(2);
  });

  it('leaves the other cells alone', () => {
    let queue = enqueue([], markKey(5), mark('5', null, 5), 10);
    queue = enqueue(queue, markKey(6), mark('4', { value: '3', version: 1 }, 6), 11);
    queue = enqueue(
      queue,
      'a:5:11',
      { kind: 'attendance', lessonId: 5, studentId: 11, value: 'late', base: null },
      12,
    );
    const other = [refused(queue[0]!, markCell('2', 2))];
    const before = [...other, ...queue.slice(1)];
    const after = enqueue(before, markKey(7), mark('3', null, 7), 13);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]).toMatchObject({ seq: 13, cellKey: markKey(7) });
  });

  it('merges a page’s later fields into the waiting change: the earlier fields and their bases stay', () => {
    const page = (fields: Record<string, string | null>, base: Record<string, string | null>): Draft =>
      ({ kind: 'lessonPage', lessonId: 5, ...fields, base }) as Draft;
    let queue = enqueue([], 'l:5', page({ topic: 'Дроби' }, { topic: null }), 10);
    queue = enqueue(queue, 'l:5', page({ homework: '№ 12' }, { homework: 'старое' }), 11);
    queue = enqueue(queue, 'l:5', page({ topic: 'Дроби и доли' }, { topic: 'Дроби' }), 12);
    expect(queue).toHaveLength(1);
    expect(queue[0]!.change).toMatchObject({
      seq: 12,
      topic: 'Дроби и доли',
      homework: '№ 12',
      base: { topic: null, homework: 'старое' },
    });
  });
});

describe('rebase', () => {
  it('gives the later waiting changes of the cell the applied cell’s value and version', () => {
    let queue = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    queue = enqueue(queue, markKey(), mark('3', { value: '4', version: 3 }), 11, new Set([10]));
    queue = enqueue(queue, markKey(6), mark('2', { value: '4', version: 3 }, 6), 12);
    const moved = rebase(queue, queue[0]!, markCell('5', 4, 'устно'));
    expect(moved.map((q) => [q.seq, baseOf(q)])).toEqual([[11, { value: '5', version: 4 }]]);
    expect(rebase(queue, queue[0]!, null).map(baseOf)).toEqual([null]);
    expect(rebase(queue, queue[1]!, markCell('3', 5))).toEqual([]);
  });

  it('gives a later page change what the applied one set, also when the answer carries no fields', () => {
    const page = (fields: Record<string, string | null>, base: Record<string, string | null>): Draft =>
      ({ kind: 'lessonPage', lessonId: 5, ...fields, base }) as Draft;
    let queue = enqueue([], 'l:5', page({ topic: 'Дроби' }, { topic: null }), 10);
    queue = enqueue(
      queue,
      'l:5',
      page({ topic: 'Дроби', homework: '№ 12' }, { topic: null, homework: null }),
      11,
      new Set([10]),
    );
    const moved = rebase(queue, queue[0]!, null);
    expect(moved.map((q) => [q.seq, baseOf(q)])).toEqual([[11, { topic: 'Дроби', homework: null }]]);
  });

  it('leaves refused changes and «attendance taken» as they are', () => {
    const queue = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    const later = refused(enqueue([], markKey(), mark('3', null), 11)[0]!, null);
    expect(rebase([...queue, later], queue[0]!, markCell('5', 4))).toEqual([]);
    const taken = enqueue([], 't:5', { kind: 'attendanceTaken', lessonId: 5 }, 12);
    expect(rebase(taken, taken[0]!, null)).toEqual([]);
  });
});

describe('nextBatch', () => {
  it('sends the first waiting change of each cell, oldest first, up to the limit', () => {
    let queue = enqueue([], markKey(5), mark('5', null, 5), 10);
    queue = enqueue(queue, markKey(5), mark('4', null, 5), 11, new Set([10]));
    queue = enqueue(queue, markKey(6), mark('3', null, 6), 12);
    queue = enqueue(queue, 't:5', { kind: 'attendanceTaken', lessonId: 5 }, 13);
    expect(nextBatch(queue, 500).map((q) => q.seq)).toEqual([10, 12, 13]);
    expect(nextBatch(queue, 2).map((q) => q.seq)).toEqual([10, 12]);
    const refusedFirst = [refused(queue[0]!, markCell('2', 7)), ...queue.slice(1)];
    expect(nextBatch(refusedFirst, 500).map((q) => q.seq)).toEqual([11, 12, 13]);
  });
});

describe('planRefused', () => {
  it('keeps a refused change for the teacher, or lets the later change of its cell go in its place', () => {
    const first = enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10);
    const conflict = refused(first[0]!, markCell('2', 7)).conflict!;
    expect(planRefused(first, first[0]!, conflict)).toEqual({
      put: [{ ...first[0]!, state: 'conflict', conflict }],
      remove: [],
    });
    const other = enqueue(first, markKey(6), mark('3', null, 6), 11);
    expect(planRefused(other, other[0]!, conflict).put[0]).toMatchObject({ seq: 10, state: 'conflict' });
    const behind = enqueue(first, markKey(), mark('3', { value: '4', version: 3 }), 12, new Set([10]));
    const plan = planRefused(behind, behind[0]!, conflict);
    expect(plan.remove).toEqual([10]);
    expect(plan.put).toEqual([behind[1]]);
  });

  it('carries the refused page change’s fields the later one does not set', () => {
    const page = (fields: Record<string, string | null>, base: Record<string, string | null>): Draft =>
      ({ kind: 'lessonPage', lessonId: 5, ...fields, base }) as Draft;
    let queue = enqueue([], 'l:5', page({ topic: 'Дроби' }, { topic: null }), 10);
    queue = enqueue(queue, 'l:5', page({ homework: '№ 12' }, { homework: null }), 11, new Set([10]));
    const plan = planRefused(queue, queue[0]!, refused(queue[0]!, { topic: 'Проценты' }).conflict!);
    expect(plan.remove).toEqual([10]);
    expect(plan.put[0]!.change).toMatchObject({
      seq: 11,
      topic: 'Дроби',
      homework: '№ 12',
      base: { topic: null, homework: null },
    });
  });
});

describe('sameAsServer', () => {
  const change = (draft: Draft) => enqueue([], markKey(), draft, 10)[0]!.change;
  const clash = (cell: unknown, reason: Conflict['reason'] = 'cellChanged') =>
    refused(enqueue([], markKey(), mark('5', null), 1)[0]!, cell, reason).conflict!;

  it('sees a mark the server already holds, comment included, and a clearing of an empty cell', () => {
    expect(sameAsServer(change(mark('5', null)), clash(markCell('5', 4)))).toBe(true);
    expect(sameAsServer(change(mark('5', null, 5, 'устно')), clash(markCell('5', 4, 'устно')))).toBe(true);
    expect(sameAsServer(change(mark('5', null, 5, 'устно')), clash(markCell('5', 4)))).toBe(false);
    expect(sameAsServer(change(mark('5', null)), clash(markCell('4', 4)))).toBe(false);
    expect(sameAsServer(change(mark('', null)), clash(null))).toBe(true);
    expect(sameAsServer(change(mark('', null)), clash(markCell('4', 4)))).toBe(false);
    expect(sameAsServer(change(mark('5', null)), clash(null))).toBe(false);
  });

  it('sees a lesson page whose changed fields the server already holds', () => {
    const page = {
      kind: 'lessonPage',
      lessonId: 5,
      homework: '№ 12',
      topic: null,
      base: { homework: null, topic: 'Дроби' },
    };
    const stored = {
      topic: null,
      lessonKind: null,
      plan: null,
      homework: '№ 12',
      homeworkDueOn: null,
      planItemId: null,
    };
    expect(sameAsServer(change(page as Draft), clash(stored))).toBe(true);
    expect(sameAsServer(change(page as Draft), clash({ ...stored, topic: 'Дроби' }))).toBe(false);
    expect(sameAsServer(change(page as Draft), clash({ ...stored, homework: '№ 13' }))).toBe(false);
    expect(
      sameAsServer(
        change({ ...page, homework: undefined, topic: undefined, base: {} } as Draft),
        clash(stored),
      ),
    ).toBe(false);
    expect(sameAsServer(change(page as Draft), clash(null))).toBe(false);
  });

  it('sees attendance the server already holds, and nothing for other reasons', () => {
    const late: Draft = { kind: 'attendance', lessonId: 5, studentId: 11, value: 'late', base: null };
    const ill: Draft = { ...late, value: 'absent', reason: 'illness' } as Draft;
    const cell = { lessonId: 5, studentId: 11, value: 'absent', reason: 'illness', version: 2 };
    expect(sameAsServer(change(ill), clash(cell))).toBe(true);
    expect(sameAsServer(change({ ...ill, reason: 'excused' } as Draft), clash(cell))).toBe(false);
    expect(sameAsServer(change(late), clash(cell))).toBe(false);
    expect(sameAsServer(change({ ...late, value: null } as Draft), clash(null))).toBe(true);
    expect(sameAsServer(change(mark('5', null)), clash(markCell('5', 4), 'periodClosed'))).toBe(false);
    expect(sameAsServer(change(mark('5', null)), clash(undefined))).toBe(false);
  });
});

describe('outcomeOf', () => {
  const head = { id: stamp(10).id, seq: 10 };
  const applied: ChangeResult = {
    ...head,
    status: 'applied',
    madeAt: '2026-11-20T09:10:00.000Z',
    arrivedAt: '2026-11-20T12:00:00.000Z',
    clamped: false,
    cell: markCell('5', 4),
  };
  const conflict: ChangeResult = {
    ...head,
    status: 'conflict',
    reason: 'editWindow',
    message: 'Нужна причина',
    server: null,
    yours: {},
  };

  it('reads an applied change’s cell, a cleared one as null, and a conflict as it came', () => {
    expect(outcomeOf(applied)).toEqual({ applied: true, cell: markCell('5', 4) });
    expect(outcomeOf({ ...applied, cell: undefined })).toEqual({ applied: true, cell: null });
    expect(outcomeOf(conflict)).toEqual({ applied: false, conflict });
  });

  it('reads a repeat by its first answer, and nothing from a refused order', () => {
    expect(outcomeOf({ ...head, status: 'duplicate', first: applied })).toEqual({
      applied: true,
      cell: markCell('5', 4),
    });
    expect(outcomeOf({ ...head, status: 'duplicate', first: conflict })).toEqual({
      applied: false,
      conflict,
    });
    expect(outcomeOf({ ...head, status: 'outOfOrder', lastSeq: 40 })).toBeNull();
  });
});

describe('planKeepMine', () => {
  it('sends the teacher’s value again as a new change over the server’s cell, at the time it was made', () => {
    const entry = refused(
      enqueue([], markKey(), mark('5', { value: '4', version: 3 }), 10)[0]!,
      markCell('2', 7),
    );
    const { madeAt, checkpointId } = entry.change;
    const plan = planKeepMine(entry, { ...stamp(20), madeAt, checkpointId }, 'Ошибка при вводе');
    expect(plan.remove).toEqual([10]);
    expect(plan.put).toHaveLength(1);
    const next = plan.put[0]!;
    expect(next).toMatchObject({ seq: 20, state: 'waiting', conflict: null, cellKey: markKey(), ...where });
    expect(next.change).toMatchObject({
      kind: 'mark',
      id: stamp(20).id,
      seq: 20,
      madeAt: stamp(10).madeAt,
      checkpointId: 4,
      value: '5',
      editReason: 'Ошибка при вводе',
      base: { value: '2', version: 7 },
    });
    const gone = planKeepMine(refused(entry, null), stamp(21)).put[0]!;
    expect(baseOf(gone)).toBeNull();
    expect('editReason' in gone.change).toBe(false);
  });
});
