/*
 * Otmetka's service worker (hand-written, no libraries; see docs/WEB.md «Приложение и офлайн»).
 * - the app shell (index.html) and its hashed /assets/ files: kept per build, so a new build's worker
 *   replaces them; navigations go to the network first and fall back to the saved shell;
 * - GET /api/me, /api/setup (the app asks both before showing anything), a diary's weeks and marks,
 *   and a teacher's journal reads (the course list, a course's grid, a lesson's page): network first,
 *   the last answers (200 only) kept for reading offline and for the offline journal, marked with
 *   `X-Otmetka-Offline: <when stored>` when served from here;
 * - everything else (other API calls, any non-GET): the network only, never stored.
 * Nobody sees another person's kept answers: the web app deletes the API cache on sign-in, sign-out
 * and an ended session (src/web/pwa/offline-data.ts names it too), and so does this worker when a
 * sign-in succeeds, on any sign-out and on a 401 from a kept address; an answer still on its way
 * when that happens is not stored.
 */

/** Replaced with the build's id by the vite build (vite.config.ts); a new id makes a new worker. */
const build = 'dev';
const shellCache = `otmetka-shell-${build}`;
const apiCache = 'otmetka-api-v1';
/** How many diary answers (weeks, marks) are kept besides `/api/me`. */
const maxDiaryEntries = 20;
/** How many journal answers are kept: grids, and lesson pages (each its own count; the course list always). */
const maxJournalEntries = 40;
const storedHeader = 'X-Otmetka-Stored';
const offlineHeader = 'X-Otmetka-Offline';
const diaryPath = /^\/api\/diary\/\d+\/(week|marks)(\/|$)/;
const journalPath = /^\/api\/journal\/(courses|courses\/\d+|lessons\/\d+)$/;
const gridPath = /^\/api\/journal\/courses\/\d+$/;
const lessonPath = /^\/api\/journal\/lessons\/\d+$/;
/** Kept too, without counting against the diary's entries: what the app needs to start. */
const startPaths = ['/api/me', '/api/setup'];
/** Requests after which the kept answers belong to nobody any more (a sign-in only when it succeeds). */
const signIn = '/api/auth/login';
const signOut = '/api/auth/logout';
/** Counts the clearings of the API cache: an answer asked for before one is not stored after it. */
let generation = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      const response = await fetch('/', { cache: 'no-cache' });
      if (response.status !== 200) return;
      const html = await response.clone().text();
      await cache.put('/', response);
      // The entry's script, styles and preloaded chunks, so the first reload offline works.
      const assets = [...new Set(html.match(/\/assets\/[\w.-]+\.(js|css)/g) ?? [])];
      await Promise.all(
        assets.map(async (path) => {
          const asset = await fetch(path);
          if (asset.status === 200) await cache.put(path, asset);
        }),
      );
    })().then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('otmetka-') && name !== shellCache && name !== apiCache)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && (url.pathname === signIn || url.pathname === signOut)) {
    event.respondWith(changeOfPerson(request, url));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/')) {
    if (startPaths.includes(url.pathname) || diaryPath.test(url.pathname) || journalPath.test(url.pathname)) {
      event.respondWith(apiNetworkFirst(event, url));
    }
    return;
  }
  if (request.mode === 'navigate') event.respondWith(shellNetworkFirst(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(assetCacheFirst(request));
});

/** A page: the network's answer (kept as the shell), or the saved shell when the network fails. */
async function shellNetworkFirst(request) {
  try {
    const response = await fetch(request);
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 200 && type.startsWith('text/html')) {
      const cache = await caches.open(shellCache);
      await cache.put('/', response.clone());
    }
    return response;
  } catch (error) {
    const saved = await caches.match('/', { cacheName: shellCache });
    if (saved) return saved;
    throw error;
  }
}

/**
 * A hashed asset never changes: the saved copy, else the network's (kept when 200 and not the
 * app's page, which the server sends for a file it does not have, e.g. an older build's chunk).
 */
async function assetCacheFirst(request) {
  const cache = await caches.open(shellCache);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 200 && !type.startsWith('text/html')) await cache.put(request, response.clone());
  return response;
}

/** Forgets every kept API answer, and any answer still on its way. */
async function clearApi() {
  generation++;
  await caches.delete(apiCache);
}

/** A sign-in or sign-out: passed on; afterwards the kept answers are forgotten (even if it fails, for a sign-out). */
async function changeOfPerson(request, url) {
  if (url.pathname === signOut) await clearApi();
  const response = await fetch(request);
  if (url.pathname === signOut || response.ok) await clearApi();
  return response;
}

/** Whether the server is down or overloaded rather than answering. */
function unavailable(response) {
  return response.status === 502 || response.status === 503 || response.status === 504;
}

/** `GET /api/me`, `/api/setup` or a diary read: the network's answer (kept when 200), else the saved one marked offline. */
async function apiNetworkFirst(event, url) {
  const request = event.request;
  const asked = generation;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await fromCache(request);
    if (saved) {
      await tell(event, { type: 'otmetka-offline-data', storedAt: saved.headers.get(offlineHeader) });
      return saved;
    }
    throw error;
  }
  if (unavailable(response)) {
    const saved = await fromCache(request);
    if (saved) {
      await tell(event, { type: 'otmetka-offline-data', storedAt: saved.headers.get(offlineHeader) });
      return saved;
    }
  }
  // Signed out or the session ended: what is kept was someone's who is no longer here.
  if (response.status === 401) {
    event.waitUntil(clearApi());
    return response;
  }
  if (response.status === 200 && asked === generation) {
    event.waitUntil(store(request, url, response.clone(), asked));
    if (diaryPath.test(url.pathname) || journalPath.test(url.pathname))
      event.waitUntil(tell(event, { type: 'otmetka-fresh-data' }));
  }
  return response;
}

/** Keeps a 200 answer with the time it was stored (unless the cache was cleared since it was asked for); only the newest diary and journal answers stay. */
async function store(request, url, response, asked) {
  const headers = new Headers(response.headers);
  headers.set(storedHeader, new Date().toISOString());
  const body = await response.blob();
  if (asked !== generation) return;
  const cache = await caches.open(apiCache);
  await cache.delete(request);
  await cache.put(request, new Response(body, { status: 200, statusText: 'OK', headers }));
  if (startPaths.includes(url.pathname) || url.pathname === '/api/journal/courses') return;
  const [path, max] = diaryPath.test(url.pathname)
    ? [diaryPath, maxDiaryEntries]
    : [gridPath.test(url.pathname) ? gridPath : lessonPath, maxJournalEntries];
  const kept = (await cache.keys()).filter((key) => path.test(new URL(key.url).pathname));
  // Keys come in the order they were stored: the oldest first.
  await Promise.all(kept.slice(0, -max).map((key) => cache.delete(key)));
}

/** The saved answer to a request, with `X-Otmetka-Offline` saying when it was stored. */
async function fromCache(request) {
  const cache = await caches.open(apiCache);
  const saved = await cache.match(request);
  if (!saved) return undefined;
  const headers = new Headers(saved.headers);
  headers.set(offlineHeader, saved.headers.get(storedHeader) ?? '');
  headers.delete(storedHeader);
  return new Response(await saved.blob(), { status: 200, statusText: 'OK', headers });
}

/** Tells the page that asked (the offline banner listens) where its data came from. */
async function tell(event, message) {
  const id = event.clientId || event.resultingClientId;
  const client = id ? await self.clients.get(id) : undefined;
  client?.postMessage(message);
}
