import type { BrowserContext, Locator, Page } from 'playwright-core';
import { todayIso } from './demo.ts';
import type { Harness } from './harness.ts';

/** The grid's cell at a row and column of its layout. */
export function cell(page: Page, row: number, col: number): Locator {
  return page.locator(`td[role="gridcell"][data-cell="${row}:${col}"]`);
}

/** Opens a course's grid; answers the focused cell's position (the lesson of today or the last one). */
export async function openGrid(
  page: Page,
  courseId: number,
  lessonId: number,
): Promise<{ row: number; col: number }> {
  await page.goto(`/journal/${courseId}?lessonId=${lessonId}`);
  const focused = page.locator('td[role="gridcell"][tabindex="0"]');
  await focused.waitFor();
  const [row, col] = ((await focused.getAttribute('data-cell')) ?? '0:0').split(':').map(Number);
  return { row: row!, col: col! };
}

/** Fills the edit reason when the lesson is past the edit window (asked once per page). */
async function reasonIfAsked(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Причина изменения' });
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Причина').fill('Урок без связи');
    await dialog.getByRole('button', { name: 'Сохранить с этой причиной' }).click();
  }
}

/** Types an entry into a cell as a teacher would (F2 first for Cyrillic, which Playwright types without keydown). */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  if (!/^[\x20-\x7e]/.test(text)) await page.keyboard.press('F2');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await reasonIfAsked(page);
}

/** What the device keeps in IndexedDB: the queued changes, oldest first. */
export function deviceQueue(page: Page) {
  return page.evaluate(
    () =>
      new Promise<
        {
          kind: string;
          lessonId: number;
          studentId?: number;
          value?: unknown;
          madeAt: string;
          state: string;
        }[]
      >((resolve, reject) => {
        const open = indexedDB.open('otmetka-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('changes')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('changes').objectStore('changes').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              all.result.map((q) => ({
                kind: q.change.kind,
                lessonId: q.change.lessonId,
                studentId: q.change.studentId,
                value: q.change.value,
                madeAt: q.change.madeAt,
                state: q.state,
              })),
            );
          };
        };
      }),
  );
}

/** The offline journal's strip in the shell (waiting changes, conflicts). */
export const queueStatus = (page: Page) => page.getByTestId('offline-queue');

/**
 * A whole-class course of the demo teacher, and a lesson of it today added as a timetable change
 * would add it (nothing entered yet, within the edit window).
 */
export async function todaysLesson(h: Harness): Promise<{ courseId: number; lessonId: number }> {
  const teacher = h.demo!.people.teacher;
  const today = new Date().toISOString().slice(0, 10);
  const course = await h.database.db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('lessons', 'lessons.courseId', 'courses.id')
    .select('courses.id')
    .where('courses.teacherId', '=', teacher)
    .where('groups.kind', '=', 'class')
    .where('lessons.date', '<=', today)
    .groupBy('courses.id')
    .orderBy('courses.id')
    .executeTakeFirstOrThrow();
  const courseId = course.id;
  // Today's lesson of the course, added as a timetable change would add it: nothing entered yet.
  const school = h.demo!.schoolId;
  const lesson = await h.database.db
    .insertInto('lessons')
    .values({
      schoolId: school,
      courseId,
      date: todayIso(),
      lessonNumber: 8,
      teacherId: teacher,
      origin: 'change',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { courseId, lessonId: lesson.id };
}

/** A lesson's date as the grid's header shows it (ДД.ММ). */
export async function dayMonthOf(h: Harness, id: number): Promise<string> {
  const lesson = await h.database.db
    .selectFrom('lessons')
    .select('date')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return `${lesson.date.slice(8, 10)}.${lesson.date.slice(5, 7)}`;
}

/** Waits (up to 10 s) until the server has recorded the demo teacher's checkpoint for the course. */
export async function checkpointTaken(h: Harness, courseId: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const row = await h.database.db
      .selectFrom('offlineCheckpoints')
      .select('id')
      .where('personId', '=', h.demo!.people.teacher)
      .where('courseId', '=', courseId)
      .executeTakeFirst();
    if (row) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no checkpoint for course ${courseId}`);
}

/**
 * Takes the browser offline. The sync route is refused too: a page reloaded offline under load can
 * get a moment of network before Chromium applies the offline state to it, and nothing must reach
 * the server while the test says it is offline.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.route('**/api/journal/sync', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}

/** Brings the browser back online (and lets the sync through again). */
export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/api/journal/sync');
  await context.setOffline(false);
}
