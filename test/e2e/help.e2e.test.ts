import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shotScreens, shotSizes } from '../../src/web/help/shots.ts';
import { openAs } from './demo.ts';
import { shots } from './guide-shots.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';

/** Where the screenshots go: docs/help/img with `npm run docs:screenshots`, else a scratch directory. */
const shotsDir = process.env.DOCS_SCREENSHOTS_DIR
  ? resolve(process.env.DOCS_SCREENSHOTS_DIR)
  : mkdtempSync(join(tmpdir(), 'otmetka-shots-'));
const phone = shotSizes.phone;

/** The JPEG's width and height, from its SOF marker. */
function jpegSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  for (let at = 2; at < data.length; at += 2 + data.readUInt16BE(at + 2)) {
    const marker = data.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffc2)
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
  }
  throw new Error(`${file}: not a JPEG`);
}

/** Waits until the page has settled: its heading shown and no request for half a second (bounded). */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
}

/**
 * The guides in Chromium on the demo school: every screenshot the guides show is taken here from the
 * demo school, in both languages; «Помощь» opens the person's guide at the section about the page.
 */
describe.skipIf(skipE2e)('the guides («Помощь»)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('takes every screenshot of the guides from the demo school, in Russian and in English', async () => {
    const contexts = new Map<string, { context: BrowserContext; page: Page }>();
    for (const language of ['ru', 'en'] as const) {
      mkdirSync(join(shotsDir, language), { recursive: true });
      for (const shot of shots) {
        const screen = shotScreens[shot.name];
        const viewport = shotSizes[screen];
        const key = `${language}/${shot.account ?? 'nobody'}/${screen}`;
        let open = contexts.get(key);
        if (!open) {
          const context = await h.newContext({ viewport });
          const page = await context.newPage();
          await page.goto('/');
          if (shot.account) await logIn(page, h.demo!.logins[shot.account], demoPassword);
          await page.evaluate((lang) => localStorage.setItem('otmetka.language', lang), language);
          open = { context, page };
          contexts.set(key, open);
        }
        const { page } = open;
        await page.goto(await shot.path(h, page));
        await settled(page);
        expect(await page.locator('.alert-error').count(), `${shot.name}: an error on the page`).toBe(0);
        expect(await page.locator('html').getAttribute('lang'), shot.name).toBe(language);
        // From the top of the page, as a person first sees it (the diary scrolls itself to today).
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = join(shotsDir, language, `${shot.name}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
        expect(jpegSize(file), file).toEqual(viewport);
        expect(statSync(file).size, file).toBeGreaterThan(5_000);
      }
    }
    await Promise.all([...contexts.values()].map(({ context }) => context.close()));
  }, 300_000);

  it('opens the teacher’s guide at the journal section from a journal, in either language', async () => {
    const page = await openAs(h, 'teacher', '/teacher/journal');
    await page.locator('main a[href^="/journal/"]').first().click();
    await page.waitForURL(/\/journal\/\d+$/);
    const [guide] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Помощь (откроется в новой вкладке)', exact: true }).click(),
    ]);
    await guide.waitForURL(/\/help\/teacher#journal-grid$/);
    const section = guide.locator('h2#journal-grid');
    await section.waitFor();
    await expect.poll(() => guide.evaluate(() => document.activeElement?.id)).toBe('journal-grid');
    const top = await section.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    expect(await guide.getByRole('heading', { level: 1 }).textContent()).toBe('Учитель');
    // The guide's own screenshot of the grid is there and loads.
    const shot = guide.locator('.help-shot img').first();
    // Its size is reserved before it arrives, so the section stays where it was put.
    expect([await shot.getAttribute('width'), await shot.getAttribute('height')]).toEqual(['1280', '800']);
    await shot.scrollIntoViewIfNeeded();
    await expect
      .poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await expectNoAxeViolations(guide, 'the teacher’s guide');

    // English: the twin, at the same section; and the guides of the other roles are one click away.
    const russianHeading = await section.textContent();
    await guide.getByRole('button', { name: 'English', exact: true }).click();
    await guide.getByRole('heading', { level: 1, name: 'Teacher' }).waitFor();
    expect(await guide.locator('h2#journal-grid').textContent()).not.toBe(russianHeading);
    await expect.poll(() => guide.evaluate(() => document.activeElement?.id)).toBe('journal-grid');
    await guide
      .getByRole('navigation', { name: 'Guides' })
      .getByRole('link', { name: 'Class teacher' })
      .click();
    await guide.getByRole('heading', { level: 1, name: 'Class teacher' }).waitFor();
    expect(new URL(guide.url()).pathname).toBe('/help/class-teacher');
  });

  it('a parent on a phone reaches the diary section, and the login page its own help', async () => {
    const page = await openAs(h, 'parent', undefined, { viewport: phone, bypassCSP: true });
    const child = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { children: { id: number }[] };
      return me.children[0]!.id;
    });
    await page.goto(`/children/${child}/marks`);
    const help = page.getByRole('link', { name: 'Помощь (откроется в новой вкладке)', exact: true });
    expect(await help.getAttribute('href')).toBe('/help/parent#marks');
    expect(await help.getAttribute('target')).toBe('_blank');

    const visitor = await h.newPage('/', { viewport: phone });
    const loginHelp = visitor.getByRole('link', { name: 'Помощь (откроется в новой вкладке)', exact: true });
    expect(await loginHelp.getAttribute('href')).toBe('/help/start#login');
    await visitor.goto('/help/start#login');
    await visitor.locator('h2#login').waitFor();
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Начало работы');
    // Under the app's real CSP (this visitor does not bypass it) the guide's screenshot loads.
    const shot = visitor.locator('.help-shot img').first();
    await expect
      .poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    // A guide that does not exist says so, with the list to choose from.
    // Offline before the guides were ever opened: their code cannot load, and the tab says so.
    const offline = await h.newPage('/');
    await offline.route('**/assets/help-page-*.js', (route) => route.abort('internetdisconnected'));
    await offline.goto('/help/teacher#lesson');
    await offline.getByRole('alert').filter({ hasText: 'Не удалось загрузить руководство' }).waitFor();
    await visitor.goto('/help/teacher/extra');
    await visitor.getByRole('alert').filter({ hasText: 'Такого руководства нет' }).waitFor();
    await visitor.goto('/help/nobody');
    await visitor.getByRole('alert').filter({ hasText: 'Такого руководства нет' }).waitFor();
    expect(await visitor.getByRole('navigation', { name: 'Руководства' }).getByRole('link').count()).toBe(9);
  });
});
