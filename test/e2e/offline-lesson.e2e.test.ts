import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs, todayIso } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';
import { goOffline, goOnline } from './offline-helpers.ts';

const kept = 'Сохранено на этом устройстве, отправим, когда появится связь.';
const pageSynced = 'Изменения урока, сделанные без связи, сохранены на сервере.';
const conflictTitle = 'Сервер не принял изменение, сделанное без связи.';

/** Fills the edit reasons the page asks for when the lesson is past the free editing time. */
async function reasonsIfAsked(page: Page): Promise<void> {
  for (const label of ['Причина исправления', 'Причина исправления посещаемости']) {
    const field = page.getByLabel(label, { exact: true });
    if (await field.count()) await field.fill('Дописал после урока');
  }
}

/** Sets the topic in the lesson page's form and saves it. */
async function saveTopic(page: Page, topic: string): Promise<void> {
  await page.getByLabel('Тема', { exact: true }).fill(topic);
  await reasonsIfAsked(page);
  await page.getByRole('button', { name: 'Сохранить урок' }).click();
}

/** A student the attendance list shows present: their row, id and name. */
async function presentStudent(page: Page) {
  const rows = page.locator('section.lesson-attendance').getByRole('radiogroup');
  for (const student of await rows.all()) {
    if (!(await student.getByLabel('был', { exact: true }).isChecked())) continue;
    const nameId = (await student.getAttribute('aria-labelledby')) ?? '';
    const name = ((await student.locator('.lesson-attendance-name').textContent()) ?? '').trim();
    return { student, studentId: Number(nameId.replace('student-', '')), name };
  }
  throw new Error('no student is shown present');
}

describe.skipIf(skipE2e)('the lesson page without a connection', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let lesson: { id: number; courseId: number };
  let path = '';

  /** The lesson's stored topic and homework. */
  const stored = () =>
    h.database.db
      .selectFrom('lessons')
      .select(['topic', 'homework', 'attendanceTakenAt'])
      .where('id', '=', lesson.id)
      .executeTakeFirstOrThrow();

  /**
   * Opens the lesson page under the service worker and waits until it can be worked on offline:
   * the page's answers kept by the worker, the course's checkpoint taken.
   */
  async function openOnline(): Promise<void> {
    // This course's checkpoint (the app readies the teacher's other courses in the background too).
    const checkpoint = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/journal/sync/checkpoint') &&
        r.status() === 200 &&
        (r.request().postDataJSON() as { courseId?: number } | null)?.courseId === lesson.courseId,
    );
    await page.goto(path);
    await page.getByRole('button', { name: 'Сохранить урок' }).waitFor();
    await page.locator('section.lesson-attendance').getByRole('radiogroup').first().waitFor();
    await checkpoint;
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const keys = await (await caches.open('otmetka-api-v1')).keys();
          return keys.map((k) => new URL(k.url).pathname);
        }),
      )
      .toEqual(
        expect.arrayContaining([
          `/api/journal/lessons/${lesson.id}`,
          `/api/journal/courses/${lesson.courseId}`,
        ]),
      );
  }

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    const db = h.database.db;
    lesson = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .select(['lessons.id', 'lessons.courseId'])
      .where('courses.teacherId', '=', h.demo!.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<=', todayIso())
      .orderBy('lessons.date', 'desc')
      .orderBy('lessons.lessonNumber', 'desc')
      .executeTakeFirstOrThrow();
    // The attendance is not taken yet: taking it offline is part of the journey.
    await db.updateTable('lessons').set({ attendanceTakenAt: null }).where('id', '=', lesson.id).execute();
    path = `/lessons/${lesson.id}`;
    context = await h.newContext({ serviceWorkers: 'allow', bypassCSP: true });
    page = await context.newPage();
    await page.goto('/');
    await logIn(page, h.demo!.logins.teacher, demoPassword);
    await page.goto(path);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    for (let i = 0; i < 5; i += 1) {
      if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) break;
      await page.reload();
    }
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(
      /\/sw\.js$/,
    );
  });
  afterAll(() => h?.stop());

  it('keeps the topic, homework and attendance made offline, shows them after a reload offline and sends them on reconnect', async () => {
    await openOnline();
    const before = await stored();
    const lastEvent = await h.database.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const attendance = page.locator('section.lesson-attendance');
    // A student shown present now is marked absent.
    const { student, studentId, name } = await presentStudent(page);

    await goOffline(context);
    await page.getByText('Без связи файлы не загружаются').waitFor();
    const topic = `Дроби без связи ${lesson.id}`;
    const homework = '§ 7, упр. 3 (задано без связи)';
    await page.getByLabel('Домашнее задание').fill(homework);
    await saveTopic(page, topic);
    await page.locator('form.lesson-form').getByText(kept).waitFor();
    await student.getByLabel('н', { exact: true }).check();
    await attendance.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await attendance.getByText(kept).waitFor();

    // A reload without a connection: the page comes from the worker, the changes from the device.
    await page.reload();
    await page.getByRole('button', { name: 'Сохранить урок' }).waitFor();
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(topic);
    const pending = page.locator('form.lesson-form .lesson-pending');
    expect(await pending.textContent()).toContain(`Тема: ${topic}`);
    expect(await pending.textContent()).toContain(`Домашнее задание: ${homework}`);
    const again = page.getByRole('radiogroup', { name, exact: true });
    await expect.poll(() => again.getByLabel('н', { exact: true }).isChecked()).toBe(true);
    expect(await again.textContent()).toContain('ждёт отправки');
    await attendance.getByText('Посещаемость отмечена на этом устройстве').waitFor();
    await expectNoAxeViolations(page, 'the lesson page with changes waiting on the device');
    // Nothing reached the server yet.
    expect(await stored()).toEqual(before);

    await goOnline(context);
    await page.getByText(pageSynced).waitFor({ timeout: 20_000 });
    await attendance.getByText('Посещаемость, отмеченная без связи, сохранена на сервере.').waitFor();
    await attendance.getByText('Посещаемость отмечена.', { exact: true }).waitFor();
    const after = await stored();
    expect(after).toMatchObject({ topic, homework });
    expect(after.attendanceTakenAt).not.toBeNull();
    const absence = await h.database.db
      .selectFrom('attendance')
      .select('value')
      .where('lessonId', '=', lesson.id)
      .where('studentId', '=', studentId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    expect(absence?.value).toBe('absent');
    const events = await h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('id', '>', Number(lastEvent.id ?? 0))
      .execute();
    const offline = events.filter((e) => e.after && JSON.parse(e.after).offline === true);
    expect(offline.map((e) => e.action).sort()).toEqual([
      'journal.attendance.set',
      'journal.attendance.taken',
      'journal.lesson.update',
    ]);
    for (const e of offline) {
      const { madeAt, arrivedAt } = JSON.parse(e.after!);
      expect(Date.parse(madeAt), e.action).toBeLessThan(Date.parse(arrivedAt));
    }
    await expect.poll(() => page.locator('.lesson-pending-mark').count()).toBe(0);
  });

  it('another session changed the topic meanwhile: the page shows both topics, and the teacher keeps theirs or takes the server’s', async () => {
    /** Saves a topic offline here while a second session saves another online; back online, the conflict. */
    const clash = async (mine: string, theirs: string) => {
      await openOnline();
      await goOffline(context);
      await saveTopic(page, mine);
      await page.locator('form.lesson-form').getByText(kept).waitFor();
      const other = await openAs(h, 'teacher', path);
      await saveTopic(other, theirs);
      await other.getByText('Урок сохранён.').waitFor();
      await other.context().close();
      await goOnline(context);
      const conflict = page.getByRole('group', { name: conflictTitle });
      await conflict.waitFor({ timeout: 20_000 });
      expect(await conflict.textContent()).toContain(`Тема: на сервере «${theirs}», у вас «${mine}»`);
      return conflict;
    };

    const mine = `Моя тема без связи ${lesson.id}`;
    const first = await clash(mine, 'Тема из другой сессии');
    await expectNoAxeViolations(page, 'the lesson page with a refused change');
    await first.getByRole('button', { name: 'Оставить моё' }).click();
    await page.getByText(pageSynced).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('group', { name: conflictTitle }).count()).toBe(0);
    expect((await stored()).topic).toBe(mine);

    const theirs = 'Вторая тема другой сессии';
    const second = await clash('Ещё одна тема без связи', theirs);
    await second.getByRole('button', { name: 'Взять с сервера' }).click();
    await expect.poll(() => page.getByRole('group', { name: conflictTitle }).count()).toBe(0);
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(theirs);
    expect(await page.locator('form.lesson-form .lesson-pending').count()).toBe(0);
    expect((await stored()).topic).toBe(theirs);
    // Dropped, not sent later: a reload finds nothing waiting on the device.
    await page.reload();
    await page.getByRole('button', { name: 'Сохранить урок' }).waitFor();
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(theirs);
    expect(await page.getByRole('group', { name: conflictTitle }).count()).toBe(0);
  });

  it('another session marked the same student meanwhile: the list shows both marks, and the server’s can be taken', async () => {
    await openOnline();
    const attendance = page.locator('section.lesson-attendance');
    const { student, studentId, name } = await presentStudent(page);
    await goOffline(context);
    await student.getByLabel('оп', { exact: true }).check();
    await reasonsIfAsked(page);
    await attendance.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await attendance.getByText(kept).waitFor();
    const other = await openAs(h, 'teacher', path);
    await other.getByRole('radiogroup', { name, exact: true }).getByLabel('н', { exact: true }).check();
    await reasonsIfAsked(other);
    await other.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await other.getByText('Посещаемость сохранена.').waitFor();
    await other.context().close();

    await goOnline(context);
    const conflict = attendance.getByRole('group', { name: conflictTitle });
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.textContent()).toContain(`${name}: на сервере «н», у вас «оп»`);
    await conflict.getByRole('button', { name: 'Взять с сервера' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    const row = page.getByRole('radiogroup', { name, exact: true });
    await expect.poll(() => row.getByLabel('н', { exact: true }).isChecked()).toBe(true);
    const entry = await h.database.db
      .selectFrom('attendance')
      .select('value')
      .where('lessonId', '=', lesson.id)
      .where('studentId', '=', studentId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    expect(entry?.value).toBe('absent');
  });
});
