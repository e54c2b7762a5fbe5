import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGet } from './api.ts';
import { lockNow, lockState, onUnlocked, unlock } from './lock-screen-state.ts';

function answering(status: number, body: unknown) {
  return vi.fn(async () => ({ ok: status < 400, status, json: async () => body }));
}

describe('the lock state', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('locks on «Заблокировать», stays locked on a wrong password, and tells the journal once unlocked', async () => {
    const unlocked = vi.fn();
    const off = onUnlocked(unlocked);
    vi.stubGlobal('fetch', answering(200, { ok: true }));
    await lockNow();
    expect(lockState()).toBe('locked');

    vi.stubGlobal('fetch', answering(401, { error: 'session_locked', message: 'Неверный пароль.' }));
    await expect(unlock('wrong')).rejects.toMatchObject({ code: 'session_locked' });
    expect(lockState()).toBe('locked');
    expect(unlocked).not.toHaveBeenCalled();

    vi.stubGlobal('fetch', answering(200, { ok: true }));
    await unlock('right');
    expect(lockState()).toBe('open');
    expect(unlocked).toHaveBeenCalledTimes(1);
    off();
  });

  it('shows the lock when any API answer says the session is locked', async () => {
    expect(lockState()).toBe('open');
    vi.stubGlobal('fetch', answering(401, { error: 'session_locked', message: 'Сеанс заблокирован.' }));
    await expect(apiGet('/api/journal/courses')).rejects.toMatchObject({ code: 'session_locked' });
    expect(lockState()).toBe('locked');
    vi.stubGlobal('fetch', answering(200, { ok: true }));
    await unlock('right');
  });
});
