import { useEffect } from 'react';
import { apiGet } from '../app/api.ts';
import { outbox } from '../offline/outbox.ts';
import type { OfflineLink } from './grid-offline.ts';
import type { GridStore } from './grid-store.ts';

/** The grid's cells' way to the device's queue, for one course. */
export function offlineLink(courseId: number, place: string): OfflineLink {
  return {
    canQueue: () => outbox.canQueue(courseId),
    queue: (key, draft, madeAt) => outbox.enqueue({ courseId, place }, key, draft, madeAt),
    keepMine: (seq, editReason) => outbox.keepMine(seq, editReason),
    takeServer: (seq) => outbox.takeServer(seq),
    syncNow: () => void outbox.sync(),
  };
}

/** How long after the last save the grid is read again, so the copy kept for offline is current. */
const refreshAfterMs = 3_000;

/**
 * Joins a grid to the device's queue: shows the course's changes kept there (after a reload
 * offline), follows what becomes of them, and, loaded online by someone who may write, takes a
 * checkpoint so the course can be worked on offline later. Once everything typed online is saved,
 * the grid at `path` is read again in the background, so the service worker's copy (what a reload
 * offline shows) holds those saves and their versions. `onTaken` hears of lessons whose
 * «attendance taken» waits on the device.
 */
export function useOfflineGrid(
  store: GridStore,
  courseId: number,
  path: string,
  canWrite: boolean,
  onTaken: (lessonIds: number[]) => void,
): void {
  useEffect(() => {
    let before = store.unsavedCount();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = store.subscribeUnsaved(() => {
      const now = store.unsavedCount();
      if (before > 0 && now === 0 && navigator.onLine && outbox.canQueue(courseId)) {
        clearTimeout(timer);
        timer = setTimeout(() => void apiGet(path).catch(() => {}), refreshAfterMs);
      }
      before = now;
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [store, courseId, path]);

  useEffect(() => {
    let live = true;
    void outbox.ready().then(() => {
      if (!live) return;
      const entries = outbox.entries(courseId);
      store.restore(entries);
      const taken = entries.flatMap((q) =>
        q.change.kind === 'attendanceTaken' && q.state === 'waiting' ? [q.change.lessonId] : [],
      );
      if (taken.length) onTaken(taken);
    });
    const off = outbox.listen((event) => {
      if (event.entry.courseId === courseId) store.absorbOffline(event);
    });
    if (canWrite && navigator.onLine) outbox.checkpoint(courseId).catch(() => {});
    return () => {
      live = false;
      off();
    };
  }, [store, courseId, canWrite, onTaken]);
}
