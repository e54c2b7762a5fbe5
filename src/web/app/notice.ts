import { useSyncExternalStore } from 'react';

/** A one-off message the login page shows: why the person is (back) there. */
export type Notice = 'setupDone' | 'sessionExpired' | 'signedOut' | null;

let current: Notice = null;
const listeners = new Set<() => void>();

/** Sets (or clears, with `null`) the notice the login page shows. */
export function setNotice(notice: Notice): void {
  current = notice;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current notice; the component re-renders when it changes. */
export function useNotice(): Notice {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
