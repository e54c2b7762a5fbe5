import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '../../src/domain/school-days.ts';
import { openAs, todayIso } from './demo.ts';
import { type Harness, skipE2e, startHarness } from './harness.ts';

/**
 * Script payloads stored through the API as the demo school's people — a lesson's topic and
 * homework (with a `javascript:` link in its small formatting), a mark's comment, a message, a
 * remark, an absence notice's comment, a student's surname and address — stay text on every page
 * that shows them. The pages are opened with the CSP bypassed: the rendering itself must be inert,
 * not only blocked by the policy.
 */

/** Runs if any payload runs: sets the sentinel the test looks for. */
const sentinel = '<img src=x onerror="window.__pwned=1">';
/** A payload tagged with where it went, so each page's text can be found. */
const payload = (tag: string) => `${tag} ${sentinel}<script>window.__pwned=1</script>"><svg onload=alert(1)>`;
const texts = {
  topic: payload('Тема-атака'),
  homework: `Домашнее-атака ${sentinel} [ссылка](javascript:window.__pwned=1) [ещё](JaVaScRiPt:alert(1))`,
  comment: payload('Комментарий-атака'),
  message: payload('Сообщение-атака'),
  subject: payload('Тема-письма'),
  remark: payload('Замечание-атака'),
  notice: payload('Заявление-атака'),
  surname: 'Фамилия<img src=x onerror=alert(1)>',
  address: payload('Адрес-атака'),
};

/** Fails on a dialog (alert, confirm, prompt) the page opens. */
function watch(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** The page shows `text` as text, and nothing of the payloads runs or becomes an element or a link. */
async function expectInert(page: Page, text: string, dialogs: string[]) {
  await page.getByText(text, { exact: false }).first().waitFor();
  // A broken image's onerror fires after its load fails: give it the time.
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('onload')).length,
    scripts: [...document.scripts].filter((s) => s.text.includes('__pwned')).length,
    links: [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => /^\s*javascript:/i.test(href)),
  }));
  expect(found).toEqual({ pwned: undefined, handlers: 0, images: 0, svgs: 0, scripts: 0, links: [] });
  expect(dialogs).toEqual([]);
}

/** POSTs (or PATCHes) JSON from a signed-in page with its CSRF token; returns the status and body. */
async function call(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  );
}

describe.skipIf(skipE2e)('script payloads stored as text stay text in Chromium', () => {
  let h: Harness;
  let studentId = 0;
  let lesson = { id: 0, courseId: 0, date: '' };
  let threadId = 0;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    const demo = h.demo!;
    const db = h.database.db;
    studentId = demo.people.student;
    // The demo teacher's latest lesson up to today in a course the demo student is in.
    const row = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groupMemberships as m', 'm.groupId', 'courses.groupId')
      .select(['lessons.id', 'lessons.courseId', 'lessons.date'])
      .where('m.studentId', '=', studentId)
      .where('lessons.teacherId', '=', demo.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<=', todayIso())
      .orderBy('lessons.date', 'desc')
      .orderBy('lessons.lessonNumber', 'desc')
      .executeTakeFirstOrThrow();
    lesson = { id: row.id, courseId: row.courseId, date: String(row.date).slice(0, 10) };
    const kind = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const cell = await db
      .selectFrom('marks')
      .select('version')
      .where('lessonId', '=', lesson.id)
      .where('studentId', '=', studentId)
      .where('workKindId', '=', kind.id)
      .executeTakeFirst();
    const editReason = 'Проверка';

    const teacher = await openAs(h, 'teacher', '/');
    const stored = [
      await call(teacher, 'POST', `/api/journal/lessons/${lesson.id}`, {
        ...{ topic: texts.topic, homework: texts.homework, editReason },
      }),
      await call(teacher, 'POST', '/api/journal/marks', {
        ...{ lessonId: lesson.id, studentId, workKindId: kind.id, value: '4', comment: texts.comment },
        ...{ version: cell?.version ?? null, editReason },
      }),
    ];
    await teacher.context().close();
    const parent = await openAs(h, 'parent', '/');
    const dialog = await call(parent, 'POST', '/api/messages/threads', {
      ...{ studentId, to: [demo.people.teacher], subject: texts.subject, body: texts.message },
    });
    threadId = dialog.json.thread.id;
    stored.push(
      dialog,
      await call(parent, 'POST', `/api/diary/${studentId}/absence-notices`, {
        ...{ fromDate: todayIso(), toDate: todayIso(), reason: 'illness', comment: texts.notice },
      }),
    );
    await parent.context().close();
    const deputy = await openAs(h, 'deputy', '/');
    stored.push(
      await call(deputy, 'POST', '/api/remarks', {
        courseId: lesson.courseId,
        lessonId: lesson.id,
        text: texts.remark,
      }),
    );
    await deputy.context().close();
    const admin = await openAs(h, 'admin', '/');
    stored.push(
      await call(admin, 'PATCH', `/api/students/${studentId}`, {
        lastName: texts.surname,
        address: texts.address,
      }),
    );
    await admin.context().close();
    expect(stored.filter((s) => s.status >= 300).map((s) => JSON.stringify(s.json))).toEqual([]);
  });
  afterAll(() => h?.stop());

  it('the teacher sees them as text on the lesson page, in the journal grid and among remarks', async () => {
    const page = await openAs(h, 'teacher');
    const dialogs = watch(page);
    await page.goto(`/lessons/${lesson.id}`);
    await expectInert(page, 'Домашнее-атака', dialogs);
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(texts.topic);
    await page.goto(`/journal/${lesson.courseId}`);
    await expectInert(page, 'Фамилия<img', dialogs);
    await page.goto(`/teacher/messages?thread=${threadId}`);
    await expectInert(page, 'Сообщение-атака', dialogs);
    await page.goto('/teacher/remarks');
    await expectInert(page, 'Замечание-атака', dialogs);
  });

  it('the parent sees them as text in the diary, the marks, the messages and the absence notices', async () => {
    const page = await openAs(h, 'parent');
    const dialogs = watch(page);
    await page.goto(`/children/${studentId}/diary?week=${mondayOf(lesson.date)}`);
    await expectInert(page, 'Тема-атака', dialogs);
    await expectInert(page, 'Домашнее-атака', dialogs);
    await page.goto(`/children/${studentId}/marks`);
    await expectInert(page, 'Комментарий-атака', dialogs);
    await page.goto(`/children/${studentId}/messages?thread=${threadId}`);
    await expectInert(page, 'Сообщение-атака', dialogs);
    await page.goto(`/children/${studentId}/absence`);
    await expectInert(page, 'Заявление-атака', dialogs);
  });

  // The check itself: a payload that does become HTML is caught.
  it('catches a payload that is inserted as HTML', async () => {
    const page = await openAs(h, 'parent');
    const dialogs = watch(page);
    await page.goto(`/children/${studentId}/absence`);
    await page.getByText('Заявление-атака').first().waitFor();
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), sentinel);
    await expect(expectInert(page, 'Заявление-атака', dialogs)).rejects.toThrow(/pwned|images|handlers/);
    await page.context().close();
  });

  // Whoever may edit the card gets a form (the address is a field's value); the others read it as text.
  it('the student card shows the surname and address as text or as field values', async () => {
    for (const role of ['teacher', 'deputy', 'admin'] as const) {
      const page = await openAs(h, role);
      const dialogs = watch(page);
      await page.goto(`/students/${studentId}`);
      await expectInert(page, 'Фамилия<img', dialogs);
      const field = page.getByLabel('Адрес', { exact: true });
      if (await field.count()) expect(await field.inputValue()).toBe(texts.address);
      else await expectInert(page, 'Адрес-атака', dialogs);
      await page.context().close();
    }
  });
});
