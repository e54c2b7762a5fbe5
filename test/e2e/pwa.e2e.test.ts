import { get } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, type Harness, logIn, skipE2e, startHarness } from './harness.ts';

const phone = { width: 360, height: 740 };
/** The first view of the diary may load at most this much JS and CSS (compressed, as transferred). */
const budget = 200 * 1024;
const offlineNotice = /Нет связи с сервером\. Показаны сохранённые данные/;

/** The bytes the server sends for a file to a client that takes gzip only (the measure). */
function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

/** The width and height a PNG's IHDR chunk declares. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until the diary's week is on screen (its heading, then no requests for a while). */
async function waitForWeek(page: Page): Promise<void> {
  await page.locator('.diary-page h1').waitFor();
  await page.waitForLoadState('networkidle');
}

/** The text a parent reads on the week page: the heading and each day's title and lessons. */
async function weekText(page: Page): Promise<string> {
  return (await page.locator('.diary-page').textContent()) ?? '';
}

describe.skipIf(skipE2e)('the diary as an installable app', () => {
  let h: Harness;
  let diaryPath: string;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    const child = await h.database.db
      .selectFrom('guardianships')
      .select('studentId')
      .where('guardianId', '=', h.demo!.people.parent)
      .where('archivedAt', 'is', null)
      .orderBy('studentId')
      .executeTakeFirstOrThrow();
    diaryPath = `/children/${child.studentId}/diary`;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it(`loads the first view of the diary with at most ${budget / 1024} KB of JS and CSS`, async () => {
    // The first visit: nothing cached, no service worker yet (it would only add its own fetches).
    const context = await h.newContext({ viewport: phone, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const kinds = new Map<string, { url: string; type: string; encoding: string }>();
    const sizes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      const encoding = Object.entries(e.response.headers).find(
        ([k]) => k.toLowerCase() === 'content-encoding',
      );
      kinds.set(e.requestId, { url: e.response.url, type: e.type, encoding: encoding?.[1] ?? '' });
    });
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));

    await page.goto('/');
    await logIn(page, h.demo!.logins.parent, demoPassword);
    await page.goto(diaryPath);
    await waitForWeek(page);

    const byUrl = new Map<string, number>();
    for (const [id, kind] of kinds) {
      if (kind.type !== 'Script' && kind.type !== 'Stylesheet') continue;
      const size = sizes.get(id) ?? 0;
      byUrl.set(kind.url, Math.max(byUrl.get(kind.url) ?? 0, size));
      // Every script and style sheet of ours goes compressed.
      if (size > 0) expect(kind.encoding, kind.url).toMatch(/^(br|gzip)$/);
    }
    const total = [...byUrl.values()].reduce((a, b) => a + b, 0);
    const list = [...byUrl].map(([url, size]) => `  ${(size / 1024).toFixed(1)} KB ${new URL(url).pathname}`);
    console.log(
      `first view of the diary: ${(total / 1024).toFixed(1)} KB of JS+CSS in ${byUrl.size} files\n${list.join('\n')}`,
    );
    expect(byUrl.size).toBeGreaterThan(2);
    expect(total).toBeGreaterThan(10 * 1024);
    expect(total).toBeLessThanOrEqual(budget);
    // The same files as gzip (what the budget is written in; Chromium itself is sent brotli).
    const gzipped = (await Promise.all([...byUrl.keys()].map(gzipBytes))).reduce((a, b) => a + b, 0);
    console.log(`the same files as gzip: ${(gzipped / 1024).toFixed(1)} KB`);
    expect(gzipped).toBeGreaterThan(total);
    expect(gzipped).toBeLessThanOrEqual(budget);
  });

  it('links a valid manifest with 192 and 512 pixel icons, a maskable one and the theme colour', async () => {
    const page = await h.newPage('/', { viewport: phone });
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1d4ed8');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = JSON.parse(await res.text());
    expect(manifest).toMatchObject({
      name: 'Отметка — дневник',
      short_name: 'Отметка',
      lang: 'ru',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1d4ed8',
    });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    for (const icon of icons) {
      const image = await page.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await image.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    const sizes = icons.filter((i) => (i.purpose ?? 'any').includes('any')).map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await page.request.get(apple!)).status()).toBe(200);
  });

  describe('offline', () => {
    let context: BrowserContext;
    let page: Page;
    let online: string;

    beforeAll(async () => {
      context = await h.newContext({ viewport: phone, serviceWorkers: 'allow' });
      page = await context.newPage();
      await page.goto('/');
      await logIn(page, h.demo!.logins.parent, demoPassword);
    });

    it('registers the service worker, which controls the page after a reload', async () => {
      await page.goto(diaryPath);
      await waitForWeek(page);
      expect(
        await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL),
      ).toMatch(/\/sw\.js$/);
      await page.reload();
      await waitForWeek(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(
        /\/sw\.js$/,
      );
      online = await weekText(page);
      expect(online.length).toBeGreaterThan(10);
      // The week's answer is kept (in the background, right after it arrived).
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const keys = await (await caches.open('otmetka-api-v1')).keys();
            return keys.map((k) => new URL(k.url).pathname);
          }),
        )
        .toEqual(expect.arrayContaining(['/api/me', expect.stringMatching(/^\/api\/diary\/\d+\/week$/)]));
      // Nothing else is kept: the start (me, setup) and the diary's reads only.
      const kept = await page.evaluate(async () =>
        (await (await caches.open('otmetka-api-v1')).keys()).map((k) => new URL(k.url).pathname),
      );
      for (const path of kept) expect(path).toMatch(/^\/api\/(me|setup|diary\/\d+\/(week|marks))$/);
      expect(await page.getByText(offlineNotice).count()).toBe(0);
    });

    it('shows the week seen before when the connection is gone, with the notice', async () => {
      await context.setOffline(true);
      try {
        await page.reload();
        await waitForWeek(page);
        await expect.poll(() => page.getByText(offlineNotice).count()).toBe(1);
        expect(await weekText(page)).toBe(online);
        const marked = await page.evaluate(async (path) => {
          const res = await fetch(`/api/diary/${path.split('/')[2]}/week`);
          return { status: res.status, offline: res.headers.get('x-otmetka-offline') };
        }, diaryPath);
        expect(marked.status).toBe(200);
        expect(marked.offline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
        // Other API calls are never kept: offline they fail.
        const other = await page.evaluate(() =>
          fetch('/api/classes').then(
            (r) => r.status,
            () => 'failed',
          ),
        );
        expect(other).toBe('failed');
      } finally {
        await context.setOffline(false);
      }
    });

    it('forgets the kept answers when the parent signs out', async () => {
      await page.reload();
      await waitForWeek(page);
      await expect.poll(() => page.getByText(offlineNotice).count()).toBe(0);
      await page.getByRole('button', { name: 'Выйти', exact: true }).click();
      await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
      await expect
        .poll(() =>
          page.evaluate(async () => {
            if (!(await caches.has('otmetka-api-v1'))) return 0;
            return (await (await caches.open('otmetka-api-v1')).keys()).length;
          }),
        )
        .toBe(0);
    });

    /** The paths kept in the API cache (none when it does not exist). */
    const keptPaths = () =>
      page.evaluate(async () => {
        if (!(await caches.has('otmetka-api-v1'))) return [];
        return (await (await caches.open('otmetka-api-v1')).keys()).map((k) => new URL(k.url).pathname);
      });
    /** Signs the parent in and opens the diary, until its week is kept. */
    const keepTheWeek = async () => {
      await logIn(page, h.demo!.logins.parent, demoPassword);
      await page.goto(diaryPath);
      await waitForWeek(page);
      await expect
        .poll(keptPaths)
        .toEqual(expect.arrayContaining(['/api/me', expect.stringMatching(/^\/api\/diary\/\d+\/week$/)]));
    };

    it('keeps no refused answer, and forgets everything once the session has ended on the server', async () => {
      await keepTheWeek();
      // A refused read (someone else's child) passes through and is never kept.
      const refused = await page.evaluate(() => fetch('/api/diary/2147483000/week').then((r) => r.status));
      expect(refused).toBe(404);
      expect(await keptPaths()).not.toContain('/api/diary/2147483000/week');
      // The session ends on the server (idle) while the app shows nothing new: the next read the
      // worker sees answers 401, and the worker itself forgets the kept answers.
      await h.database.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - 7 * 24 * 3600_000).toISOString() })
        .where('endedAt', 'is', null)
        .execute();
      const week = `/api/diary/${diaryPath.split('/')[2]}/week`;
      expect(await page.evaluate((path) => fetch(path).then((r) => r.status), week)).toBe(401);
      await expect.poll(keptPaths).toEqual([]);
      await page.reload();
      await page.getByText('Сеанс завершён из-за бездействия. Войдите снова.').waitFor();
      // Offline now, the next person on this phone gets nothing of the parent's diary.
      await context.setOffline(true);
      try {
        await page.goto(diaryPath);
        await page.getByRole('alert').waitFor();
        expect(await page.locator('.diary-page').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Выйти', exact: true }).count()).toBe(0);
      } finally {
        await context.setOffline(false);
      }
    });

    it('forgets the kept answers when someone else signs in on the same browser', async () => {
      await page.goto('/');
      await keepTheWeek();
      const status = await page.evaluate(
        async ({ login, password }) =>
          (
            await fetch('/api/auth/login', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ login, password }),
            })
          ).status,
        { login: h.demo!.logins.teacher, password: demoPassword },
      );
      expect(status).toBe(200);
      await expect.poll(keptPaths).toEqual([]);
    });
  });
});
