import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeResult, OfflineChange } from '../../contract/offline.ts';
import type { Checkpoint, DeviceMeta, Queued } from './device-db.ts';
import type { OutboxEvent } from './outbox.ts';
import type { Draft } from './outbox-rules.ts';

/** The device's store, in memory: what IndexedDB would keep between page loads. */
const device = vi.hoisted(() => ({
  meta: undefined as DeviceMeta | undefined,
  changes: new Map<number, Queued>(),
  checkpoints: [] as Checkpoint[],
  cleared: 0,
}));

vi.mock('./device-db.ts', () => ({
  loadDevice: async () => ({
    meta: device.meta && { ...device.meta },
    queue: [...device.changes.values()].sort((a, b) => a.seq - b.seq),
    checkpoints: [...device.checkpoints],
  }),
  saveDevice: async (meta: DeviceMeta, put: readonly Queued[], remove: readonly number[] = []) => {
    device.meta = { ...meta };
    for (const seq of remove) device.changes.delete(seq);
    for (const q of put) device.changes.set(q.seq, structuredClone(q));
  },
  saveCheckpoint: async (c: Checkpoint) => {
    device.checkpoints = [...device.checkpoints.filter((x) => x.courseId !== c.courseId), c];
  },
  clearDevice: async (keepQueue = false) => {
    device.cleared += 1;
    device.checkpoints = [];
    if (!keepQueue) {
      device.meta = undefined;
      device.changes.clear();
    }
  },
}));
vi.mock('../app/session.ts', () => ({ endSession: vi.fn() }));

type Reply = { status: number; body: unknown } | 'network';

/** A fetch answering from a queue, recording each request's path and body. */
function fakeFetch() {
  const sent: { path: string; body: Record<string, unknown> }[] = [];
  const replies: Array<(value: Reply) => void> = [];
  const fetch = vi.fn((path: string, init: { body: string }) => {
    sent.push({ path, body: JSON.parse(init.body) });
    return new Promise((resolve, reject) => {
      replies.push((reply) => {
        if (reply === 'network') reject(new TypeError('Failed to fetch'));
        else resolve({ ok: reply.status < 400, status: reply.status, json: async () => reply.body });
      });
    });
  });
  const answer = async (reply: Reply) => {
    replies.shift()!(reply);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { fetch, sent, answer, waiting: () => replies.length };
}

const where = { courseId: 1, place: 'Математика, 5А' };
const mark = (value: string, base: { value: string; version: number } | null): Draft => ({
  kind: 'mark',
  lessonId: 5,
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
const key = 'm:5:11:9';
const typedAt = '2026-11-20T09:15:00.000Z';

type Change = OfflineChange & { base?: unknown };
const changesOf = (n: number, sent: ReturnType<typeof fakeFetch>['sent']) =>
  sent[n]!.body.changes as Change[];
const applied = (c: OfflineChange, cell: unknown): ChangeResult => ({
  id: c.id,
  seq: c.seq,
  status: 'applied',
  madeAt: c.madeAt,
  arrivedAt: '2026-11-20T12:00:00.000Z',
  clamped: false,
  cell,
});
const clash = (c: OfflineChange, cell: unknown): ChangeResult => ({
  id: c.id,
  seq: c.seq,
  status: 'conflict',
  reason: 'cellChanged',
  message: 'Клетку уже изменили',
  server: { cell: cell as never, by: 'Петрова А. В.', at: '2026-11-20T10:00:00Z' },
  yours: {},
});

describe('the device’s queue', () => {
  let net: ReturnType<typeof fakeFetch>;
  let online: { onLine: boolean };
  let outbox: typeof import('./outbox.ts')['outbox'];
  let events: OutboxEvent[];

  /** A fresh page: the queue loaded from the device for the signed-in person, course 1 checkpointed. */
  async function open(personId = 7) {
    vi.resetModules();
    outbox = (await import('./outbox.ts')).outbox;
    events = [];
    outbox.listen((e) => events.push(e));
    await outbox.start(personId);
  }

  async function checkpoint() {
    const taken = outbox.checkpoint(1);
    await vi.advanceTimersByTimeAsync(0);
    await net.answer({ status: 200, body: { checkpointId: 4, at: '2026-11-20T08:00:00Z' } });
    await taken;
  }

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-20T12:00:00.000Z'));
    device.meta = undefined;
    device.changes.clear();
    device.checkpoints = [];
    device.cleared = 0;
    net = fakeFetch();
    online = { onLine: false };
    vi.stubGlobal('fetch', net.fetch);
    vi.stubGlobal('navigator', online);
    vi.stubGlobal('window', { addEventListener: vi.fn(), removeEventListener: vi.fn() });
    await open();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('keeps changes only for a course loaded online, at the time they were made, and across a reload', async () => {
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    expect(outbox.entries(1)).toEqual([]);
    online.onLine = true;
    await checkpoint();
    online.onLine = false;
    expect(outbox.canQueue(1)).toBe(true);
    expect(outbox.canQueue(2)).toBe(false);
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    outbox.enqueue(where, 't:5', { kind: 'attendanceTaken', lessonId: 5 }, typedAt);
    await outbox.flushed();
    expect(net.sent).toHaveLength(1);
    expect(outbox.snapshot()).toMatchObject({ waiting: 2, conflicts: [] });

    await open();
    expect(outbox.canQueue(1)).toBe(true);
    const kept = outbox.entries(1);
    expect(kept.map((q) => [q.cellKey, q.change.madeAt, q.change.checkpointId])).toEqual([
      [key, typedAt, 4],
      ['t:5', typedAt, 4],
    ]);
    expect(kept[0]!.seq).toBeLessThan(kept[1]!.seq);
  });

  it('sends the queue once online; an applied change goes, and the one typed meanwhile goes next over its result', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    expect(net.sent[1]).toMatchObject({ path: '/api/journal/sync' });
    const [first] = changesOf(1, net.sent);
    expect(first).toMatchObject({
      value: '5',
      base: { value: '4', version: 3 },
      madeAt: typedAt,
      checkpointId: 4,
    });
    outbox.enqueue(where, key, mark('3', { value: '4', version: 3 }));
    expect(outbox.snapshot()).toMatchObject({ waiting: 2, sending: true });

    await net.answer({ status: 200, body: { results: [applied(first!, markCell('5', 4))] } });
    expect(events).toEqual([expect.objectContaining({ type: 'applied', cell: markCell('5', 4) })]);
    const [second] = changesOf(2, net.sent);
    expect(second).toMatchObject({ value: '3', base: { value: '5', version: 4 } });
    expect(second!.seq).toBeGreaterThan(first!.seq);
    await net.answer({ status: 200, body: { results: [applied(second!, markCell('3', 5))] } });
    expect(outbox.snapshot()).toMatchObject({ waiting: 0, sending: false });
    await outbox.flushed();
    expect(device.changes.size).toBe(0);
  });

  it('keeps a refused change until the teacher decides; keeping theirs sends it anew over the server’s value', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    const [first] = changesOf(1, net.sent);
    await net.answer({ status: 200, body: { results: [clash(first!, markCell('2', 7))] } });
    expect(events.map((e) => e.type)).toEqual(['conflict']);
    expect(outbox.snapshot().conflicts.map((q) => q.seq)).toEqual([first!.seq]);
    expect(net.sent).toHaveLength(2);

    outbox.keepMine(first!.seq, 'Ошибка при вводе');
    const [again] = changesOf(2, net.sent);
    expect(again).toMatchObject({
      value: '5',
      madeAt: typedAt,
      checkpointId: 4,
      editReason: 'Ошибка при вводе',
      base: { value: '2', version: 7 },
    });
    expect(again!.id).not.toBe(first!.id);
    expect(again!.seq).toBeGreaterThan(first!.seq);
    expect(outbox.snapshot().conflicts).toEqual([]);
  });

  it('drops a refused change the teacher gives up, and takes a refusal of what the server already holds as sent', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    outbox.enqueue(where, 'm:6:11:9', { ...mark('4', null), lessonId: 6 } as Draft, typedAt);
    const [mine] = changesOf(1, net.sent);
    await net.answer({ status: 200, body: { results: [clash(mine!, markCell('3', 6))] } });
    const [other] = changesOf(2, net.sent);
    // Sent before, its answer lost: the server holds exactly this value.
    await net.answer({
      status: 200,
      body: { results: [clash(other!, { ...markCell('4', 1), lessonId: 6 })] },
    });
    expect(events.map((e) => e.type)).toEqual(['conflict', 'applied']);
    outbox.takeServer(mine!.seq);
    expect(events.at(-1)).toMatchObject({ type: 'dropped', entry: { seq: mine!.seq } });
    expect(outbox.snapshot()).toMatchObject({ waiting: 0, conflicts: [] });
    expect(net.sent).toHaveLength(3);
  });

  it('keeps everything on a lost connection and sends it again later; a refused batch shows each change refused', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    await net.answer('network');
    expect(outbox.snapshot()).toMatchObject({ waiting: 1, sending: false });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(net.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(net.sent).toHaveLength(3);
    expect(changesOf(2, net.sent)[0]!.id).toBe(changesOf(1, net.sent)[0]!.id);
    await net.answer({ status: 400, body: { error: 'validation', message: 'Проверьте поля' } });
    expect(outbox.snapshot().conflicts).toEqual([
      expect.objectContaining({
        state: 'conflict',
        conflict: expect.objectContaining({ reason: 'invalid' }),
      }),
    ]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(net.sent).toHaveLength(3);
  });

  it('numbers the waiting changes above what the server saw last when it answers out of order', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    const [first] = changesOf(1, net.sent);
    const lastSeq = first!.seq + 1_000_000;
    await net.answer({
      status: 200,
      body: { results: [{ id: first!.id, seq: first!.seq, status: 'outOfOrder', lastSeq }] },
    });
    const [again] = changesOf(2, net.sent);
    expect(again).toMatchObject({ id: first!.id, value: '5', madeAt: typedAt });
    expect(again!.seq).toBeGreaterThan(lastSeq);
  });

  it('forgets another person’s queue when someone else signs in on the device', async () => {
    online.onLine = true;
    await checkpoint();
    online.onLine = false;
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    await outbox.flushed();
    await open(8);
    expect(device.cleared).toBe(1);
    expect(outbox.entries(1)).toEqual([]);
    expect(outbox.canQueue(1)).toBe(false);
    await open(8);
    expect(device.cleared).toBe(1);
  });

  it('sends a change typed while its cell’s earlier one was on its way only after that one’s answer, also after a lost connection', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    outbox.enqueue(where, key, mark('3', { value: '4', version: 3 }), typedAt);
    const [a] = changesOf(1, net.sent);
    await net.answer('network');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(changesOf(2, net.sent).map((c) => c.id)).toEqual([a!.id]);
    await net.answer({ status: 200, body: { results: [applied(a!, markCell('5', 4))] } });
    expect(changesOf(3, net.sent)).toEqual([
      expect.objectContaining({ value: '3', base: { value: '5', version: 4 } }),
    ]);
  });

  it('leaves one refusal per cell: a refused change gives way to the one typed after it', async () => {
    online.onLine = true;
    await checkpoint();
    outbox.enqueue(where, key, mark('5', { value: '4', version: 3 }), typedAt);
    outbox.enqueue(where, key, mark('3', { value: '4', version: 3 }), typedAt);
    const [a] = changesOf(1, net.sent);
    await net.answer({ status: 200, body: { results: [clash(a!, markCell('2', 7))] } });
    expect(events.map((e) => e.type)).toEqual(['dropped']);
    const [b] = changesOf(2, net.sent);
    expect(b).toMatchObject({ value: '3', base: { value: '4', version: 3 } });
    await net.answer({ status: 200, body: { results: [clash(b!, markCell('2', 7))] } });
    expect(outbox.snapshot().conflicts.map((q) => q.seq)).toEqual([b!.seq]);
    expect(events.map((e) => e.type)).toEqual(['dropped', 'conflict']);
  });
});
