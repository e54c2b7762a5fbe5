import { useSyncExternalStore } from 'react';
import { apiPost, onSessionLocked } from './api.ts';

/** Where this tab's session stands: open, or locked (the lock screen shows). */
export type LockState = 'open' | 'locked';

const sharedKey = 'otmetka.lock';
let state: LockState = 'open';
const listeners = new Set<() => void>();
const unlockListeners = new Set<() => void>();
const endListeners = new Set<() => void>();

function share(shared: LockState | 'ended'): void {
  try {
    // The time makes every write a change, so other tabs always get the storage event.
    localStorage.setItem(sharedKey, JSON.stringify({ state: shared, at: Date.now() }));
  } catch {
    // Without storage the other tabs learn it from the server's session_locked answers.
  }
}

function set(next: LockState, shared: boolean): void {
  if (shared) share(next);
  if (state === next) return;
  const wasLocked = state === 'locked';
  state = next;
  for (const listener of [...listeners]) listener();
  if (wasLocked && next === 'open') for (const listener of [...unlockListeners]) listener();
}

/** The lock state now. */
export function lockState(): LockState {
  return state;
}

/** Shows the lock screen here and in the other tabs (the server has locked the session, or is about to). */
export function showLock(): void {
  if (state === 'open') set('locked', true);
}

/** «Заблокировать» or the idle timer: locks the session on the server, then the screen. */
export async function lockNow(): Promise<void> {
  if (state !== 'open') return;
  // The screen locks first: the person may be walking away while the request goes.
  set('locked', true);
  try {
    await apiPost('/api/auth/lock');
  } catch {
    // The server locks an idle session by itself; without a connection nothing reaches it anyway.
  }
}

/** Unlocks with the password; rejects with the server's ApiError (wrong password, throttled). */
export async function unlock(password: string): Promise<void> {
  await apiPost('/api/auth/unlock', { password });
  set('open', true);
}

/** Forgets the lock after signing out or expiry, and tells the other tabs the session is gone. */
export function lockEnded(): void {
  share('ended');
  state = 'open';
  for (const listener of [...listeners]) listener();
}

/** Runs `listener` when another tab signs out of the shared session (from its lock screen). */
export function onEnded(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Listens to the lock state (React's external store). */
export function subscribeLock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `listener` each time the session is unlocked (here or in another tab): pending saves go again. */
export function onUnlocked(listener: () => void): () => void {
  unlockListeners.add(listener);
  return () => unlockListeners.delete(listener);
}

/** The lock state, for components. */
export function useLockState(): LockState {
  return useSyncExternalStore(subscribeLock, lockState);
}

onSessionLocked(showLock);
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== sharedKey || !event.newValue) return;
    try {
      const shared = JSON.parse(event.newValue) as { state?: unknown };
      if (shared.state === 'locked' || shared.state === 'open') set(shared.state, false);
      if (shared.state === 'ended') {
        state = 'open';
        for (const listener of [...endListeners]) listener();
      }
    } catch {
      // Not ours: ignore.
    }
  });
}
