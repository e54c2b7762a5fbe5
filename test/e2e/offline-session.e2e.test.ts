import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, type Harness, logIn, skipE2e, startHarness } from './harness.ts';
import {
  cell,
  checkpointTaken,
  deviceQueue,
  openGrid,
  queueStatus,
  todaysLesson,
  typeInto,
} from './offline-helpers.ts';

/**
 * The teacher's changes made offline outlive a session that ends by itself meanwhile (they go after
 * the same teacher signs in again), and never reach the server as someone else's.
 */
describe.skipIf(skipE2e)('the offline journal across sessions', () => {
  let h: Harness;
  let courseId = 0;
  let lessonId = 0;
  let context: BrowserContext;
  let page: Page;
  let start = { row: 0, col: 0 };

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    ({ courseId, lessonId } = await todaysLesson(h));
    context = await h.newContext({ serviceWorkers: 'allow' });
    page = await context.newPage();
    await page.goto('/');
    await logIn(page, h.demo!.logins.teacher, demoPassword);
    await openGrid(page, courseId, lessonId);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    start = await openGrid(page, courseId, lessonId);
    await checkpointTaken(h, courseId);
  });
  afterAll(() => h?.stop());

  /** The marks of the lesson in the rows the tests type into. */
  async function marksOnServer(students: number[]) {
    const rows = await h.database.db
      .selectFrom('marks')
      .select(['studentId', 'value'])
      .where('lessonId', '=', lessonId)
      .where('studentId', 'in', students)
      .where('deletedAt', 'is', null)
      .execute();
    return rows.map((r) => r.value).sort();
  }

  /** Ends every session of the teacher on the server, as an expiry would. */
  async function endTeacherSessions() {
    const account = await h.database.db
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', h.demo!.logins.teacher)
      .executeTakeFirstOrThrow();
    await h.database.db.deleteFrom('sessions').where('accountId', '=', account.id).execute();
  }

  /** Offline: types marks into rows from `first`, ends the session meanwhile, comes back online to the login page. */
  async function typeOfflineThenLoseSession(first: number, values: string[]): Promise<number[]> {
    await context.setOffline(true);
    for (const [i, value] of values.entries()) await typeInto(page, cell(page, first + i, start.col), value);
    await queueStatus(page).getByText(`Изменений в журнале ждут отправки: ${values.length}`).waitFor();
    await expect.poll(async () => (await deviceQueue(page)).length).toBe(values.length);
    const students = (await deviceQueue(page)).map((q) => q.studentId!);
    await endTeacherSessions();
    await context.setOffline(false);
    await page.getByText('Сеанс завершён из-за бездействия. Войдите снова.').waitFor();
    return students;
  }

  it('a session that ended while offline keeps the changes; the same teacher signs in and they are sent', async () => {
    const students = await typeOfflineThenLoseSession(start.row, ['5', '4']);
    expect(await marksOnServer(students)).toEqual([]);
    expect(await deviceQueue(page)).toHaveLength(2);
    await logIn(page, h.demo!.logins.teacher, demoPassword);
    await expect.poll(() => marksOnServer(students)).toEqual(['4', '5']);
    await expect.poll(async () => (await deviceQueue(page)).length).toBe(0);
  });

  it('another person signing in on the device deletes the previous teacher’s unsent changes', async () => {
    start = await openGrid(page, courseId, lessonId);
    const students = await typeOfflineThenLoseSession(start.row + 2, ['3']);
    await logIn(page, h.demo!.logins.parent, demoPassword);
    await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
    await expect.poll(async () => (await deviceQueue(page)).length).toBe(0);
    // A queue that survived would be sent at sign-in; give it the time to arrive.
    await page.waitForTimeout(3_000);
    expect(await marksOnServer(students)).toEqual([]);
  });

  it('a teacher who only signed in online can open their journals offline later and work in them', async () => {
    const fresh = await h.newContext({ serviceWorkers: 'allow' });
    const device = await fresh.newPage();
    await device.goto('/');
    await logIn(device, h.demo!.logins.teacher, demoPassword);
    // Without opening any journal: the app readies the own courses in the background.
    const own = await h.database.db
      .selectFrom('courses')
      .select('id')
      .where('teacherId', '=', h.demo!.people.teacher)
      .where('archivedAt', 'is', null)
      .execute();
    const kept = () =>
      device.evaluate(async () =>
        (await (await caches.open('otmetka-api-v1')).keys()).map((k) => new URL(k.url).pathname),
      );
    await expect
      .poll(kept, { timeout: 20_000 })
      .toEqual(expect.arrayContaining(own.map((c) => `/api/journal/courses/${c.id}`)));
    await fresh.setOffline(true);
    await device.goto('/teacher/journal');
    await device.locator(`a[href="/journal/${courseId}"]`).click();
    const at = await openGrid(device, courseId, lessonId);
    await typeInto(device, cell(device, at.row + 4, at.col), '5');
    await queueStatus(device).getByText('Изменений в журнале ждут отправки: 1').waitFor();
    await fresh.setOffline(false);
    await expect.poll(async () => (await deviceQueue(device)).length).toBe(0);
    await fresh.close();
  });
});
