import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfflineChange } from '../../contract/offline.ts';
import type { Conflict, Queued } from '../offline/device-db.ts';
import type { Draft } from '../offline/outbox-rules.ts';
import { fakeFetch, grid } from './grid.test-helpers.ts';
import { type CellState, draftOf, type OfflineLink, shownOf } from './grid-offline.ts';
import { GridStore } from './grid-store.ts';

/** The shared grid with an absence «н» at version 2 besides the mark. */
const offlineGrid = () =>
  grid({ attendance: [{ lessonId: 5, studentId: 11, value: 'absent', reason: null, version: 2 }] });

/** The device's queue as the grid sees it, recording what the grid asks of it. */
function fakeLink(canQueue = true) {
  return {
    canQueue: vi.fn(() => canQueue),
    queue: vi.fn<(key: string, draft: Draft, madeAt: string) => void>(),
    keepMine: vi.fn<(seq: number, editReason: string | undefined) => void>(),
    takeServer: vi.fn<(seq: number) => void>(),
    syncNow: vi.fn(),
  } satisfies OfflineLink;
}

const key = 'm:5:11:9';
const absence = 'a:5:11';
const typedAt = '2026-11-20T09:15:00.000Z';
const markCell = (value: string, version: number) => ({
  lessonId: 5,
  studentId: 11,
  workKindId: 9,
  value,
  comment: null,
  version,
});

/** A queued change as the device keeps it. */
function queued(seq: number, cellKey: string, change: Draft) {
  return {
    seq,
    cellKey,
    courseId: 1,
    place: 'Математика, 5А',
    state: 'waiting',
    conflict: null,
    change: {
      ...change,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      seq,
      madeAt: typedAt,
      checkpointId: 4,
    } as OfflineChange,
  } satisfies Queued;
}

function refused(entry: Queued, cell: unknown): Queued {
  const conflict: Conflict = {
    id: entry.change.id,
    seq: entry.seq,
    status: 'conflict',
    reason: 'cellChanged',
    message: 'Клетку уже изменила Петрова А. В.',
    server: { cell: cell as never, by: 'Петрова А. В.', at: '2026-11-20T10:00:00Z' },
    yours: {},
  };
  return { ...entry, state: 'conflict', conflict };
}

const markChange = (value: string, base: { value: string; version: number } | null) =>
  ({ kind: 'mark', lessonId: 5, studentId: 11, workKindId: 9, value, comment: null, base }) as const;

describe('the grid store without a connection', () => {
  let net: ReturnType<typeof fakeFetch>;
  let online: { onLine: boolean };
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(typedAt));
    net = fakeFetch();
    online = { onLine: true };
    vi.stubGlobal('fetch', net.fetch);
    vi.stubGlobal('navigator', online);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('keeps a change whose save lost the connection on the device, at the time it was typed, without retrying', async () => {
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.set(key, 'mark', '5');
    await vi.advanceTimersByTimeAsync(40_000);
    await net.answer('network');
    expect(link.queue).toHaveBeenCalledTimes(1);
    expect(link.queue).toHaveBeenCalledWith(key, { ...markChange('5', { value: '4', version: 3 }) }, typedAt);
    expect(store.get(key)).toMatchObject({ value: '5', status: 'pending', message: null });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(net.sent).toHaveLength(1);
    expect(link.queue).toHaveBeenCalledTimes(1);
  });

  it('fetches nothing while the browser is offline: the change goes to the device at once', () => {
    online.onLine = false;
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.editReason = 'Забыл поставить';
    store.set(absence, 'attendance', 'оп');
    expect(net.fetch).not.toHaveBeenCalled();
    expect(link.queue).toHaveBeenCalledWith(
      absence,
      {
        kind: 'attendance',
        lessonId: 5,
        studentId: 11,
        value: 'late',
        reason: null,
        editReason: 'Забыл поставить',
        base: { value: 'absent', version: 2 },
      },
      typedAt,
    );
    expect(store.get(absence)).toMatchObject({ value: 'оп', status: 'pending' });
    expect(store.unsavedCount()).toBe(1);
  });

  it('retries a 5xx online, and a lost connection too where the course cannot be kept on the device', async () => {
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.set(key, 'mark', '5');
    await net.answer({ status: 503, body: { error: 'unavailable', message: 'Сервер недоступен' } });
    expect(store.get(key)?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.sent).toHaveLength(2);
    await net.answer({ status: 200, body: { cell: markCell('5', 4) } });
    expect(store.get(key)).toMatchObject({ version: 4, status: 'saved' });
    expect(link.queue).not.toHaveBeenCalled();

    const closed = fakeLink(false);
    const other = new GridStore(offlineGrid(), closed);
    other.set(key, 'mark', '3');
    await net.answer('network');
    expect(other.get(key)?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.sent).toHaveLength(4);
    expect(closed.queue).not.toHaveBeenCalled();
  });

  it('never keeps a period mark on the device: it goes online and is retried there', async () => {
    online.onLine = false;
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.set('p:7:11', 'periodMark', '5');
    expect(net.sent[0]).toMatchObject({ courseId: 1, periodId: 7, studentId: 11, value: '5' });
    await net.answer('network');
    expect(store.get('p:7:11')?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.sent).toHaveLength(2);
    expect(link.queue).not.toHaveBeenCalled();
  });

  it('shows the changes kept on the device after a reload: waiting ones pending, refused ones with the server’s value', () => {
    const store = new GridStore(offlineGrid(), fakeLink());
    const waiting = queued(10, key, markChange('5', { value: '4', version: 3 }));
    const late = queued(11, absence, {
      kind: 'attendance',
      lessonId: 5,
      studentId: 11,
      value: 'late',
      reason: null,
      base: { value: 'absent', version: 2 },
    });
    const ill = { lessonId: 5, studentId: 11, value: 'absent', reason: 'illness', version: 6 };
    store.restore([waiting, refused(late, ill)]);
    expect(store.get(key)).toMatchObject({ value: '5', version: 3, base: '4', status: 'pending' });
    expect(store.refusedOnDevice(key)).toBe(false);
    expect(store.get(absence)).toMatchObject({
      value: 'оп',
      status: 'conflict',
      message: 'Клетку уже изменила Петрова А. В.',
      current: { value: 'б', version: 6 },
    });
    expect(store.refusedOnDevice(absence)).toBe(true);
    expect(store.unsavedCount()).toBe(2);
  });

  it('takes a sent change’s new version, and keeps a cell typed again meanwhile pending on the device over it', async () => {
    online.onLine = false;
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.set(key, 'mark', '5');
    const entry = queued(10, key, markChange('5', { value: '4', version: 3 }));
    store.absorbOffline({ type: 'applied', entry, cell: markCell('5', 4), more: false });
    expect(store.get(key)).toMatchObject({ value: '5', version: 4, base: '5', status: 'saved' });
    expect(store.unsavedCount()).toBe(0);

    store.set(key, 'mark', '3');
    store.set(key, 'mark', '2');
    store.absorbOffline({
      type: 'applied',
      entry: { ...entry, seq: 11 },
      cell: markCell('3', 5),
      more: true,
    });
    expect(store.get(key)).toMatchObject({ value: '2', version: 5, base: '3', status: 'pending' });
    // Back online: the device sends the newer change; the cell does not go online past it.
    online.onLine = true;
    const kept = link.queue.mock.calls.length;
    store.retryAll();
    expect(link.syncNow).toHaveBeenCalledTimes(1);
    expect(net.fetch).not.toHaveBeenCalled();
    expect(link.queue).toHaveBeenCalledTimes(kept);
    store.set(key, 'mark', '4');
    expect(net.fetch).not.toHaveBeenCalled();
    expect(link.queue).toHaveBeenLastCalledWith(key, markChange('4', { value: '3', version: 5 }), typedAt);
    store.absorbOffline({
      type: 'applied',
      entry: { ...entry, seq: 14 },
      cell: markCell('4', 6),
      more: false,
    });
    expect(store.get(key)).toMatchObject({ value: '4', version: 6, status: 'saved' });
    store.set(key, 'mark', '5');
    expect(net.sent[0]).toMatchObject({ value: '5', version: 6 });
  });

  it('keeps a cell on the device while a later change of it still waits there, even when the sent one had the same value', () => {
    online.onLine = false;
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.set(key, 'mark', '5');
    const entry = queued(10, key, markChange('5', { value: '4', version: 3 }));
    // 5 on its way, then 4 and 5 again typed: the device still holds a later «5».
    store.absorbOffline({ type: 'applied', entry, cell: markCell('5', 4), more: true });
    expect(store.get(key)).toMatchObject({ value: '5', version: 4, status: 'pending' });
    online.onLine = true;
    store.set(key, 'mark', '3');
    expect(net.fetch).not.toHaveBeenCalled();
    expect(link.queue).toHaveBeenLastCalledWith(key, markChange('3', { value: '5', version: 4 }), typedAt);
  });

  it('resolves a refused device change through the device: keep mine with the reason, or take the server’s', () => {
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    const mine = refused(queued(10, key, markChange('5', { value: '4', version: 3 })), markCell('2', 7));
    store.restore([mine]);
    store.editReason = 'Ошибка при вводе';
    store.keepMine(key);
    expect(link.keepMine).toHaveBeenCalledWith(10, 'Ошибка при вводе');
    expect(store.get(key)).toMatchObject({
      value: '5',
      version: 7,
      base: '2',
      status: 'pending',
      current: null,
    });
    expect(store.refusedOnDevice(key)).toBe(false);

    store.absorbOffline({
      type: 'conflict',
      entry: refused(queued(12, key, markChange('5', null)), markCell('3', 8)),
    });
    expect(store.get(key)).toMatchObject({ status: 'conflict', current: { value: '3', version: 8 } });
    store.takeCurrent(key);
    expect(link.takeServer).toHaveBeenCalledWith(12);
    expect(store.get(key)).toMatchObject({ value: '3', version: 8, base: '3', status: 'saved' });
    expect(store.unsavedCount()).toBe(0);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('drops a refused device change typed over, and saves the new value over the server’s version', async () => {
    const link = fakeLink();
    const store = new GridStore(offlineGrid(), link);
    store.restore([refused(queued(10, key, markChange('5', { value: '4', version: 3 })), markCell('2', 7))]);
    store.set(key, 'mark', '3');
    expect(link.takeServer).toHaveBeenCalledWith(10);
    expect(store.refusedOnDevice(key)).toBe(false);
    expect(net.sent[0]).toMatchObject({ value: '3', version: 7 });
    await net.answer('network');
    expect(link.queue).toHaveBeenCalledWith(key, markChange('3', { value: '2', version: 7 }), typedAt);

    online.onLine = false;
    store.restore([refused(queued(12, absence, { ...absenceChange, value: 'late' }), null)]);
    store.set(absence, 'attendance', 'б');
    expect(link.takeServer).toHaveBeenLastCalledWith(12);
    expect(link.queue).toHaveBeenLastCalledWith(
      absence,
      { ...absenceChange, value: 'absent', reason: 'illness', base: null },
      typedAt,
    );
  });
});

const absenceChange = {
  kind: 'attendance',
  lessonId: 5,
  studentId: 11,
  value: 'absent',
  reason: null,
  base: { value: 'absent', version: 2 },
} as const;

describe('draftOf and shownOf', () => {
  const cell = (patch: Partial<CellState>): CellState => ({
    key,
    kind: 'mark',
    value: '5',
    comment: 'устно',
    version: 3,
    base: '4',
    ...patch,
  });

  it('makes a mark’s change over the version and value the cell saw, with the edit reason when given', () => {
    expect(draftOf(cell({}), 'Ошибка при вводе')).toEqual({
      ...markChange('5', { value: '4', version: 3 }),
      comment: 'устно',
      editReason: 'Ошибка при вводе',
    });
    expect(draftOf(cell({ value: '', comment: null, version: null, base: '' }), null)).toEqual(
      markChange('', null),
    );
  });

  it('makes an absence’s change from its glyph, over the value it saw (none when it saw the student present)', () => {
    const a = (patch: Partial<CellState>) =>
      draftOf(cell({ key: absence, kind: 'attendance', ...patch }), null);
    expect(a({ value: 'уп', base: 'оп', version: 4 })).toEqual({
      ...absenceChange,
      reason: 'excused',
      base: { value: 'late', version: 4 },
    });
    expect(a({ value: '', base: 'н', version: 2 })).toEqual({ ...absenceChange, value: null, reason: null });
    expect(a({ value: 'н', base: '', version: null })).toEqual({ ...absenceChange, base: null });
    expect(draftOf(cell({ key: 'p:7:11', kind: 'periodMark' }), null)).toBeNull();
  });

  it('shows what a queued change sets: the mark and comment, or the absence glyph', () => {
    expect(shownOf(queued(1, key, { ...markChange('2', null), comment: 'дома' }))).toEqual({
      value: '2',
      comment: 'дома',
    });
    expect(shownOf(queued(2, absence, { ...absenceChange, reason: 'illness' }))).toEqual({
      value: 'б',
      comment: null,
    });
    expect(shownOf(queued(3, absence, { ...absenceChange, value: null }))).toEqual({
      value: '',
      comment: null,
    });
    expect(shownOf(queued(4, 't:5', { kind: 'attendanceTaken', lessonId: 5 }))).toBeNull();
  });
});
