import type { z } from 'zod';
import type { journalCourseList } from '../../contract/journal.ts';
import { apiGet } from '../app/api.ts';
import { apiCacheName } from '../pwa/offline-data.ts';
import { outbox } from './outbox.ts';

/** How often a device readies the teacher's journals for working offline (per person). */
const everyMs = 60 * 60_000;
/** At most this many journals are readied (the service worker keeps 40 journal answers). */
const maxCourses = 20;
const startDelayMs = 2_000;

function lastKey(personId: number): string {
  return `otmetka.offlineReady.${personId}`;
}

/**
 * Readies the teacher's own journals for working offline, once an hour per device: loads the
 * journal pages' code, reads the course list and each course's grid for the current period (the
 * service worker keeps the answers) and takes each course's checkpoint. Only while online and with the worker in control (without it
 * nothing would be kept). Runs in the background, one request at a time.
 */
export async function prepareOffline(personId: number): Promise<void> {
  // The first page's own requests go first; a worker installed by this visit takes control meanwhile.
  await new Promise((resolve) => setTimeout(resolve, startDelayMs));
  if (!navigator.onLine || !navigator.serviceWorker?.controller) return;
  try {
    // Within the hour, unless the kept answers were cleared since (a sign-out, an ended session).
    const kept = await caches.match('/api/journal/courses', { cacheName: apiCacheName });
    const last = Number(localStorage.getItem(lastKey(personId)));
    if (kept && last && Date.now() - last < everyMs) return;
    localStorage.setItem(lastKey(personId), String(Date.now()));
  } catch {
    return;
  }
  try {
    // The pages' code, so the worker keeps it too (it keeps assets as they are first loaded).
    await Promise.all([
      import('../journal/my-journals-page.tsx'),
      import('../journal/today-page.tsx'),
      import('../journal/grid-page.tsx'),
      import('../lessons/lesson-page.tsx'),
    ]);
    // What the app asks before showing anything (asked before the worker was in control, so not kept yet).
    await apiGet('/api/me');
    await apiGet('/api/setup');
    const list = await apiGet<z.infer<typeof journalCourseList>>('/api/journal/courses');
    const own = list.courses.filter((c) => c.canEdit && (c.access === 'teacher' || c.access === 'second'));
    for (const course of own.slice(0, maxCourses)) {
      if (!navigator.onLine) return;
      await apiGet(`/api/journal/courses/${course.id}`);
      await outbox.checkpoint(course.id);
    }
  } catch {
    // Offline or refused: the journals opened online are still kept one by one as they are opened.
  }
}
