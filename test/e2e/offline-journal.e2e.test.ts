import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { demoPassword, type Harness, logIn, skipE2e, startHarness } from './harness.ts';
import {
  cell,
  dayMonthOf,
  deviceQueue,
  goOffline,
  goOnline,
  openGrid,
  queueStatus,
  todaysLesson,
  typeInto,
} from './offline-helpers.ts';

const marks = ['5', '4', '3', '5', '4', '5', '3', '4', '5', '2'];

describe.skipIf(skipE2e)('the offline journal', () => {
  let h: Harness;
  let courseId = 0;
  let context: BrowserContext;
  let page: Page;
  let start = { row: 0, col: 0 };
  let lessonId = 0;
  let markedStudents: number[] = [];
  let absentStudents: number[] = [];
  let offlineFrom = '';
  let offlineTo = '';
  let onlineAt = '';

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    ({ courseId, lessonId } = await todaysLesson(h));
    context = await h.newContext({ serviceWorkers: 'allow' });
    page = await context.newPage();
    await page.goto('/');
    await logIn(page, h.demo!.logins.teacher, demoPassword);
  });
  afterAll(() => h?.stop());

  /**
   * «Посещаемость отмечена» of the lesson under test: in its own column's header, as the course may
   * have another lesson the same day (the timetable's, beside the one the test adds).
   */
  const takenBox = async () =>
    page
      .getByRole('columnheader')
      .filter({ has: page.locator(`a[href="/lessons/${lessonId}"]`) })
      .getByRole('checkbox', { name: `Посещаемость отмечена: ${await dayMonthOf(h, lessonId)}` });

  it('loads the course online: the service worker keeps its grid and the server records a checkpoint', async () => {
    await openGrid(page, courseId, lessonId);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    // The worker controls the page from the next load on; that load is what it keeps.
    start = await openGrid(page, courseId, lessonId);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(
      /sw\.js$/,
    );
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await caches.open('otmetka-api-v1')).keys()).map((k) => new URL(k.url).pathname),
        ),
      )
      .toContain(`/api/journal/courses/${courseId}`);
    await expect
      .poll(
        async () =>
          (
            await h.database.db
              .selectFrom('offlineCheckpoints')
              .select('id')
              .where('personId', '=', h.demo!.people.teacher)
              .where('courseId', '=', courseId)
              .execute()
          ).length,
      )
      .toBeGreaterThanOrEqual(1);
    expect(await queueStatus(page).count()).toBe(0);
  });

  it('offline, the teacher takes attendance and enters ten marks; they wait on the device', async () => {
    await goOffline(context);
    offlineFrom = new Date().toISOString();
    // Two absences in the lesson's column, then ten marks below them.
    await typeInto(page, cell(page, start.row, start.col), 'н');
    await typeInto(page, cell(page, start.row + 1, start.col), 'н');
    for (const [i, mark] of marks.entries())
      await typeInto(page, cell(page, start.row + 2 + i, start.col), mark);
    await expect.poll(async () => (await deviceQueue(page)).length).toBe(12);
    await (await takenBox()).check();
    offlineTo = new Date().toISOString();
    await page.getByText(/Посещаемость за \d\d\.\d\d отмечена на этом устройстве/).waitFor();
    await queueStatus(page).getByText('Изменений в журнале ждут отправки: 13').waitFor();
    await page.getByText(/Ждут отправки: 12\. Нет связи с сервером/).waitFor();
    await expect.poll(async () => (await deviceQueue(page)).length).toBe(13);
    const queue = await deviceQueue(page);
    expect(queue.map((q) => q.kind)).toEqual([
      'attendance',
      'attendance',
      ...marks.map(() => 'mark'),
      'attendanceTaken',
    ]);
    expect(queue.slice(2, 12).map((q) => q.value)).toEqual(marks);
    markedStudents = queue.slice(2, 12).map((q) => q.studentId!);
    absentStudents = queue.slice(0, 2).map((q) => q.studentId!);
    expect(new Set(queue.map((q) => q.lessonId))).toEqual(new Set([lessonId]));
    expect(new Set(queue.map((q) => q.studentId)).size).toBe(13);
    for (const q of queue) {
      expect(q.madeAt >= offlineFrom && q.madeAt <= offlineTo).toBe(true);
      expect(q.state).toBe('waiting');
    }
    const onServer = await h.database.db
      .selectFrom('marks')
      .select('id')
      .where('lessonId', '=', lessonId)
      .where('studentId', 'in', markedStudents)
      .where('deletedAt', 'is', null)
      .execute();
    expect(onServer).toHaveLength(0);
  });

  it('closed and reopened still offline, the page shows the changes pending', async () => {
    await page.close();
    page = await context.newPage();
    const again = await openGrid(page, courseId, lessonId);
    expect(again).toEqual(start);
    await queueStatus(page).getByText('Изменений в журнале ждут отправки: 13').waitFor();
    for (const [i, mark] of marks.entries()) {
      const shown = cell(page, start.row + 2 + i, start.col);
      expect(await shown.locator('.jg-mark').textContent()).toBe(mark);
      expect(await shown.getAttribute('class')).toContain('jg-pending');
    }
    for (const row of [start.row, start.row + 1]) {
      expect(await cell(page, row, start.col).locator('.jg-att').textContent()).toBe('н');
      expect(await cell(page, row, start.col).getAttribute('class')).toContain('jg-pending');
    }
    // «Attendance taken» waits on the device too, and shows ticked.
    expect(await (await takenBox()).isChecked()).toBe(true);
  });

  it('another session changes one of those cells meanwhile', async () => {
    const other = await openAs(h, 'teacher');
    const at = await openGrid(other, courseId, lessonId);
    expect(at).toEqual(start);
    await typeInto(other, cell(other, start.row + 2, start.col), '2');
    await other.getByText('Все изменения сохранены.').waitFor();
    await other.context().close();
  });

  it('online again, the server gets exactly the changes with their times, and the clash is shown, not overwritten', async () => {
    onlineAt = new Date().toISOString();
    await goOnline(context);
    const conflicts = page.getByRole('list', { name: 'Конфликты: выберите, какое значение оставить' });
    await conflicts.waitFor();
    const item = conflicts.getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('вы ввели «5», а сейчас в журнале «2»');
    await queueStatus(page)
      .getByText(/Не принято сервером: 1/)
      .waitFor();
    await expect
      .poll(async () => (await deviceQueue(page)).filter((q) => q.state === 'waiting').length)
      .toBe(0);

    const stored = async () =>
      h.database.db
        .selectFrom('marks')
        .select(['studentId', 'value', 'createdAt'])
        .where('lessonId', '=', lessonId)
        .where('studentId', 'in', markedStudents)
        .where('deletedAt', 'is', null)
        .execute();
    // Nine of the ten marks, and the other session's «2» where the clash is.
    let rows = await stored();
    expect(rows.map((r) => r.value).sort()).toEqual([...marks.slice(1), '2'].sort());

    // The teacher keeps their «5»: now the server holds exactly the ten marks typed offline.
    await item.getByRole('button', { name: 'Оставить моё (5)' }).click();
    await page.getByText('Все изменения сохранены.').waitFor();
    await expect.poll(async () => (await stored()).map((r) => r.value).sort()).toEqual([...marks].sort());
    rows = await stored();
    expect(rows).toHaveLength(10);
    await expect.poll(() => queueStatus(page).count()).toBe(0);

    const absences = await h.database.db
      .selectFrom('attendance')
      .select(['value'])
      .where('lessonId', '=', lessonId)
      .where('studentId', 'in', absentStudents)
      .where('deletedAt', 'is', null)
      .execute();
    expect(absences.map((a) => a.value)).toEqual(['absent', 'absent']);
    const lesson = await h.database.db
      .selectFrom('lessons')
      .select('attendanceTakenAt')
      .where('id', '=', lessonId)
      .executeTakeFirstOrThrow();
    expect(lesson.attendanceTakenAt).not.toBeNull();
    expect(lesson.attendanceTakenAt! <= offlineTo).toBe(true);

    // Each change's audit event says when it was made (offline) and when it arrived.
    const events = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('actorId', '=', h.demo!.people.teacher)
      .where('at', '>=', onlineAt)
      .execute();
    const offline = events
      .map((e) => ({ action: e.action, after: JSON.parse(String(e.after)) as Record<string, unknown> }))
      .filter((e) => e.after.offline === true);
    const byAction = (action: string) => offline.filter((e) => e.action === action);
    expect(byAction('journal.mark.set')).toHaveLength(10);
    expect(byAction('journal.attendance.set')).toHaveLength(2);
    expect(byAction('journal.attendance.taken')).toHaveLength(1);
    for (const e of offline) {
      const madeAt = String(e.after.madeAt);
      expect(madeAt >= offlineFrom && madeAt <= offlineTo).toBe(true);
      expect(String(e.after.arrivedAt) >= onlineAt).toBe(true);
    }
  });

  it('signing out asks about changes still waiting, then leaves nothing of the teacher on the device', async () => {
    await goOffline(context);
    await typeInto(page, cell(page, start.row + 12, start.col), '4');
    await queueStatus(page).getByText('Изменений в журнале ждут отправки: 1').waitFor();
    const signOut = page.getByRole('button', { name: 'Выйти', exact: true });
    // Declined: nothing changes.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('ещё не отправлено: 1');
      void dialog.dismiss();
    });
    await signOut.click();
    await queueStatus(page).getByText('Изменений в журнале ждут отправки: 1').waitFor();
    expect(await deviceQueue(page)).toHaveLength(1);
    // Accepted: signed out, and the queue, the checkpoints and the kept answers are gone.
    page.once('dialog', (dialog) => void dialog.accept());
    await signOut.click();
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
    const left = () =>
      page.evaluate(async () => {
        const stores = await new Promise<number[]>((resolve, reject) => {
          const open = indexedDB.open('otmetka-offline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = ['changes', 'checkpoints', 'meta'];
            const trx = db.transaction(names);
            const counts = names.map((n) => trx.objectStore(n).count());
            trx.oncomplete = () => {
              db.close();
              resolve(counts.map((c) => c.result));
            };
          };
        });
        const api = (await caches.has('otmetka-api-v1'))
          ? (await (await caches.open('otmetka-api-v1')).keys()).length
          : 0;
        return [...stores, api];
      });
    await expect.poll(left).toEqual([0, 0, 0, 0]);
    await goOnline(context);
    // Online again: a queue that survived would be sent at once; give it the time to arrive.
    await page.waitForTimeout(3_000);
    const mark = await h.database.db
      .selectFrom('marks')
      .select('id')
      .where('lessonId', '=', lessonId)
      .where('studentId', 'not in', markedStudents)
      .where('deletedAt', 'is', null)
      .execute();
    expect(mark).toHaveLength(0);
  });
});
