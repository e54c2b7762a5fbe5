import { useEffect, useRef } from 'react';

const sharedKey = 'otmetka.lastActivity';
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const checkEveryMs = 15_000;
const shareEveryMs = 5_000;

/** Whether a person last active at `lastActivity` has been idle for `minutes` by `now` (all in ms). */
export function isIdle(lastActivity: number, now: number, minutes: number): boolean {
  return now - lastActivity >= minutes * 60_000;
}

function readShared(): number {
  try {
    return Number(localStorage.getItem(sharedKey)) || 0;
  } catch {
    return 0;
  }
}

function writeShared(time: number): void {
  try {
    localStorage.setItem(sharedKey, String(time));
  } catch {
    // Without storage each tab times out on its own; still correct, only stricter.
  }
}

/**
 * Calls `onIdle` after `minutes` without keyboard, pointer or scroll activity (and again every
 * check while still idle; `lockNow` ignores the repeats). Activity is shared between tabs through
 * localStorage, because they share one server session. The app locks a staff session (the lock
 * screen over the page, nothing unmounted) and signs a family out.
 */
export function useIdleTimeout(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    let last = Date.now();
    let lastShared = last;
    writeShared(last);
    const markActive = () => {
      last = Date.now();
      if (last - lastShared >= shareEveryMs) {
        lastShared = last;
        writeShared(last);
      }
    };
    const check = () => {
      if (isIdle(Math.max(last, readShared()), Date.now(), minutes)) onIdleRef.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const name of activityEvents)
      window.addEventListener(name, markActive, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, markActive, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [minutes]);
}
