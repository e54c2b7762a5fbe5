/** The service worker's cache of API answers (`apiCache` in src/web/public/sw.js). */
export const apiCacheName = 'otmetka-api-v1';

/** Forgets the diary and `me` answers kept for reading offline (on sign-out: the next person must not see them). */
export async function clearOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(apiCacheName);
  } catch {
    // Storage may be unavailable (private mode); then nothing was kept.
  }
}
