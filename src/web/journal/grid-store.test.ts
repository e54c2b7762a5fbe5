import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, grid } from './grid.test-helpers.ts';
import { GridStore } from './grid-store.ts';

const key = 'm:5:11:9';
const cell = (value: string, version: number) => ({
  cell: { lessonId: 5, studentId: 11, workKindId: 9, value, comment: null, version },
});

describe('the grid store', () => {
  let net: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    vi.useFakeTimers();
    net = fakeFetch();
    vi.stubGlobal('fetch', net.fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('saves a cell with the version it saw, and the latest value wins while a save is on its way', async () => {
    const store = new GridStore(grid());
    store.set(key, 'mark', '5');
    expect(store.get(key)).toMatchObject({ value: '5', status: 'saving' });
    store.set(key, 'mark', '3');
    store.set(key, 'mark', '2');
    expect(net.sent).toHaveLength(1);
    expect(net.sent[0]).toMatchObject({ lessonId: 5, studentId: 11, workKindId: 9, value: '5', version: 3 });
    await net.answer({ status: 200, body: cell('5', 4) });
    expect(net.sent).toHaveLength(2);
    expect(net.sent[1]).toMatchObject({ value: '2', version: 4 });
    expect(store.unsavedCount()).toBe(1);
    await net.answer({ status: 200, body: cell('2', 5) });
    expect(store.get(key)).toMatchObject({ value: '2', version: 5, status: 'saved' });
    expect(store.unsavedCount()).toBe(0);
  });

  it('keeps a cell pending on a lost connection or a 5xx and retries it with backoff', async () => {
    const store = new GridStore(grid());
    store.set(key, 'mark', '5');
    await net.answer('network');
    expect(store.get(key)?.status).toBe('pending');
    expect(store.unsavedCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.sent).toHaveLength(2);
    await net.answer({ status: 503, body: { error: 'unavailable', message: 'Сервер недоступен' } });
    expect(store.get(key)?.status).toBe('pending');
    // The second retry waits longer; the connection coming back sends it at once.
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.sent).toHaveLength(2);
    store.retryAll();
    expect(net.sent).toHaveLength(3);
    expect(net.sent[2]).toMatchObject({ value: '5', version: 3 });
    await net.answer({ status: 200, body: cell('5', 4) });
    expect(store.get(key)?.status).toBe('saved');
  });

  it('keeps a cell refused by a locked session pending, untouched until the session is unlocked', async () => {
    const store = new GridStore(grid());
    store.set(key, 'mark', '5');
    await net.answer({ status: 401, body: { error: 'session_locked', message: 'Сеанс заблокирован.' } });
    expect(store.get(key)).toMatchObject({ value: '5', status: 'pending', message: null });
    expect(store.unsavedCount()).toBe(1);
    // No retry hammers the locked session: the cell waits for the password.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(net.sent).toHaveLength(1);
    store.retryAll();
    expect(net.sent[1]).toMatchObject({ value: '5', version: 3 });
    await net.answer({ status: 200, body: cell('5', 4) });
    expect(store.get(key)?.status).toBe('saved');
  });

  it('shows a conflict with the current value and lets the teacher keep theirs or take the current', async () => {
    const store = new GridStore(grid());
    store.set(key, 'mark', '2');
    await net.answer({
      status: 409,
      body: { error: 'conflict', message: 'Клетку уже изменили', current: cell('5', 4).cell, requestId: 'r' },
    });
    expect(store.get(key)).toMatchObject({
      value: '2',
      status: 'conflict',
      current: { value: '5', version: 4 },
    });
    expect(net.sent).toHaveLength(1);
    store.keepMine(key);
    expect(net.sent[1]).toMatchObject({ value: '2', version: 4 });
    await net.answer({ status: 200, body: cell('2', 5) });
    expect(store.get(key)?.status).toBe('saved');

    store.set(key, 'mark', '3');
    await net.answer({
      status: 409,
      body: { error: 'conflict', message: 'Клетку уже изменили', current: null, requestId: 'r' },
    });
    store.takeCurrent(key);
    expect(store.get(key)).toMatchObject({ value: '', version: null, status: 'saved' });
    expect(net.sent).toHaveLength(3);
  });

  it('sends the edit reason once given, and shows a refusal without retrying it', async () => {
    const store = new GridStore(grid());
    store.editReason = 'Ошибка при вводе';
    store.set(key, 'mark', '');
    expect(net.sent[0]).toMatchObject({ value: '', comment: null, editReason: 'Ошибка при вводе' });
    await net.answer({ status: 403, body: { error: 'forbidden', message: 'Нельзя' } });
    expect(store.get(key)).toMatchObject({ status: 'error', message: 'Нельзя' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(net.sent).toHaveLength(1);
  });

  it('saves absences as value and reason', async () => {
    const store = new GridStore(grid());
    store.set('a:5:11', 'attendance', 'б');
    expect(net.sent[0]).toMatchObject({
      lessonId: 5,
      studentId: 11,
      value: 'absent',
      reason: 'illness',
      version: null,
    });
    await net.answer({
      status: 200,
      body: { cell: { lessonId: 5, studentId: 11, value: 'absent', reason: 'illness', version: 1 } },
    });
    expect(store.get('a:5:11')).toMatchObject({ value: 'б', version: 1, status: 'saved' });
  });

  it('asks the page for a reason when the server wants one, then sends the refused cells again with it', async () => {
    const store = new GridStore(grid());
    const asked = vi.fn();
    store.onReasonNeeded = asked;
    store.set(key, 'mark', '5');
    await net.answer({
      status: 400,
      body: { error: 'validation', message: 'Проверьте поля', fields: { editReason: 'Укажите причину' } },
    });
    expect(store.get(key)?.status).toBe('error');
    expect(asked).toHaveBeenCalledTimes(1);
    store.editReason = 'Забыл поставить';
    store.resendRefused();
    expect(net.sent[1]).toMatchObject({ value: '5', editReason: 'Забыл поставить' });
    await net.answer({ status: 200, body: cell('5', 4) });
    expect(store.get(key)?.status).toBe('saved');
  });
});
