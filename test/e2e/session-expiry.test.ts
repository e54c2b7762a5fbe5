import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../../src/server/seed/seed-demo-school.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  fullNameOf,
  type Harness,
  logIn,
  meStatus,
  skipE2e,
  startHarness,
  waitForLoginPage,
} from './harness.ts';

const minute = 60_000;

describe.skipIf(skipE2e)('idle lock and session expiry in the browser', () => {
  let h: Harness;
  let demo: DemoSummary;
  let teacherName = '';
  let courseId = 0;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    demo = h.demo!;
    teacherName = await fullNameOf(h.database, demo.people.teacher);
    // A whole-class course of the demo teacher with a lesson held by today.
    const today = new Date().toISOString().slice(0, 10);
    const course = await h.database.db
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('lessons', 'lessons.courseId', 'courses.id')
      .select('courses.id')
      .where('courses.teacherId', '=', demo.people.teacher)
      .where('groups.kind', '=', 'class')
      .where('lessons.date', '<=', today)
      .groupBy('courses.id')
      .orderBy('courses.id')
      .executeTakeFirstOrThrow();
    courseId = course.id;
  });
  afterAll(() => h?.stop());

  /** Pretends the demo teacher's live sessions (this test's and earlier tests') were last used `ms` ago. */
  async function teacherIdleFor(ms: number): Promise<void> {
    const account = await h.database.db
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', demo.logins.teacher)
      .executeTakeFirstOrThrow();
    const updated = await h.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - ms).toISOString() })
      .where('accountId', '=', account.id)
      .where('endedAt', 'is', null)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBeGreaterThanOrEqual(1);
  }

  /** What the API answers the page now (its cookie, no CSRF token needed for a read). */
  const apiAnswer = (page: Page) =>
    page.evaluate(async () => {
      const res = await fetch('/api/journal/courses', { headers: { Accept: 'application/json' } });
      return { status: res.status, error: ((await res.json()) as { error?: string }).error ?? null };
    });

  const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'Экран заблокирован' });
  const cell = (page: Page, row: number, col: number): Locator =>
    page.locator(`td[role="gridcell"][data-cell="${row}:${col}"]`);

  async function unlockWith(page: Page, password: string): Promise<void> {
    const dialog = lockScreen(page);
    await dialog.getByLabel('Пароль').fill(password);
    await dialog.getByRole('button', { name: 'Разблокировать' }).click();
  }

  it('«Заблокировать» covers the journal with unsaved marks; the right password brings them to the server', async () => {
    // axe is injected as an inline script: the page's CSP is bypassed for it.
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.goto(`/journal/${courseId}`);
    const focused = page.locator('td[role="gridcell"][tabindex="0"]');
    await focused.waitFor();
    const [row, col] = ((await focused.getAttribute('data-cell')) ?? '0:0').split(':').map(Number) as [
      number,
      number,
    ];
    const since = new Date().toISOString();

    // The saves are held back (as on a bad connection): the marks stay pending, kept on the device.
    await page.route('**/api/journal/marks', (route) => route.abort());
    await page.route('**/api/journal/sync', (route) => route.abort());
    await cell(page, row, col).click();
    for (const mark of ['5', '4']) {
      await page.keyboard.type(mark);
      await page.keyboard.press('Enter');
    }
    for (const r of [row, row + 1])
      await expect.poll(() => cell(page, r, col).getAttribute('class')).toContain('jg-pending');

    await page.getByRole('button', { name: 'Заблокировать' }).click();
    const dialog = lockScreen(page);
    await dialog.waitFor();
    await dialog.getByText(`Сеанс: ${teacherName}`).waitFor();
    await expectNoAxeViolations(page, 'the lock screen');
    // The grid is still there under the lock (its cells in memory), but covered: a click lands on the lock.
    expect(await page.locator('td[role="gridcell"]').count()).toBeGreaterThan(0);
    const box = (await cell(page, row, col).boundingBox())!;
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('td[role="gridcell"]') !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe(false);
    // Escape, again and again, does not take the lock away (browsers let a repeated Escape close a dialog).
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(50);
    }
    expect(await page.locator('dialog.lock-screen').evaluate((d) => (d as HTMLDialogElement).open)).toBe(
      true,
    );
    await dialog.waitFor();
    expect(await apiAnswer(page)).toEqual({ status: 401, error: 'session_locked' });

    // The saves may go again now; while locked the server refuses them and they stay pending.
    await page.unroute('**/api/journal/marks');
    await page.unroute('**/api/journal/sync');
    await unlockWith(page, 'not-the-password');
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Неверный пароль. Сеанс остаётся заблокированным.' })
      .waitFor();
    expect(await apiAnswer(page)).toEqual({ status: 401, error: 'session_locked' });
    expect(await cell(page, row, col).getAttribute('class')).toContain('jg-pending');

    await unlockWith(page, demoPassword);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Все изменения сохранены.').waitFor();
    expect(await apiAnswer(page)).toEqual({ status: 200, error: null });

    const saved = await h.database.db
      .selectFrom('marks')
      .select('value')
      .where('deletedAt', 'is', null)
      .where((eb) =>
        eb.or([
          eb('createdAt', '>=', since),
          eb.and([eb('updatedAt', 'is not', null), eb('updatedAt', '>=', since)]),
        ]),
      )
      .where((eb) =>
        eb.or([eb('createdBy', '=', demo.people.teacher), eb('updatedBy', '=', demo.people.teacher)]),
      )
      .orderBy('id')
      .execute();
    expect(saved.map((m) => m.value)).toEqual(['5', '4']);
    const actions = await h.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('actorId', '=', demo.people.teacher)
      .where('action', 'like', 'session.%')
      .where('at', '>=', since)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['session.locked', 'session.unlocked']);
    await page.context().close();
  });

  it('locks by itself after the school’s idle timeout, on every tab of the session', async () => {
    const { schoolId } = await h.database.db
      .selectFrom('persons')
      .select('schoolId')
      .where('id', '=', demo.people.teacher)
      .executeTakeFirstOrThrow();
    const { settings } = await h.database.db
      .selectFrom('schools')
      .select('settings')
      .where('id', '=', schoolId!)
      .executeTakeFirstOrThrow();
    await h.database.db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ ...JSON.parse(settings ?? '{}'), idleTimeoutMinutesStaff: 5 }) })
      .where('id', '=', schoolId!)
      .execute();
    try {
      const context = await h.newContext();
      const page = await context.newPage();
      await page.clock.install();
      await page.goto(h.url);
      await logIn(page, demo.logins.teacher, demoPassword);
      const other = await context.newPage();
      await other.goto(h.url);
      await other.getByRole('button', { name: 'Заблокировать' }).waitFor();

      await page.clock.fastForward(6 * minute);
      await lockScreen(page).waitFor();
      // The other tab learns it too, and the server refuses both.
      await lockScreen(other).waitFor();
      expect(await apiAnswer(other)).toEqual({ status: 401, error: 'session_locked' });

      await unlockWith(other, demoPassword);
      await lockScreen(other).waitFor({ state: 'detached' });
      await lockScreen(page).waitFor({ state: 'detached' });
      expect(await apiAnswer(page)).toEqual({ status: 200, error: null });
      await context.close();
    } finally {
      await h.database.db.updateTable('schools').set({ settings }).where('id', '=', schoolId!).execute();
    }
  });

  it('after 31 idle minutes a reload shows the lock screen with the name, and the password opens the app', async () => {
    const page = await h.newPage();
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.getByTestId('role-teacher').waitFor();
    await teacherIdleFor(31 * minute);
    await page.reload();
    await lockScreen(page).getByText(`Сеанс: ${teacherName}`).waitFor();
    expect(await page.getByTestId('role-teacher').count()).toBe(0);
    expect(await apiAnswer(page)).toEqual({ status: 401, error: 'session_locked' });
    await unlockWith(page, demoPassword);
    await page.getByTestId('role-teacher').waitFor();
    await page.context().close();
  });

  it('a session locked past its 12 hours ends: a reload shows the login page saying why', async () => {
    const page = await h.newPage();
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.getByTestId('role-teacher').waitFor();
    await teacherIdleFor((31 + 12 * 60) * minute);

    // The app asks `/api/setup` and `/api/me` at once; whichever ends the idle session, both
    // requests carry the same cookie and `/api/me` must still learn why.
    const meAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await page.reload();
    const me = await meAnswer;
    expect(me.status()).toBe(401);
    expect(((await me.json()) as { error: string }).error).toBe('session_expired');

    await waitForLoginPage(page);
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);
    await page
      .getByRole('status')
      .filter({ hasText: 'Сеанс завершён из-за бездействия. Войдите снова.' })
      .waitFor();
    expect(await meStatus(page)).toBe(401);

    // Signing in again works and clears the notice.
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.getByTestId('role-teacher').waitFor();
    expect(await page.getByText('Сеанс завершён').count()).toBe(0);
    await page.context().close();
  });
});
