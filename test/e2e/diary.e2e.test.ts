import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Letter, startSmtp, useLocalSmtp } from '../../src/server/notify/notify.test-helpers.ts';
import { fiveAId, openAs, todayIso } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

const phone = { bypassCSP: true, viewport: { width: 360, height: 740 } };

/** An ISO day moved by `days`. */
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The Monday of an ISO day's week. */
function monday(iso: string): string {
  return shift(iso, -((new Date(`${iso}T12:00:00`).getDay() + 6) % 7));
}

/** ДД.ММ.ГГГГ of an ISO day. */
function ru(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Nothing on the page is wider than the 360 px phone. */
async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `horizontal overflow on ${where}`).toBeLessThanOrEqual(360);
}

/** Waits until `check` holds, polling every 100 ms, for at most `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skipE2e)('the diary of parents and students', () => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const parentEmail = 'mama@example.test';
  /** The instant letters about a «2» that reached the parent. */
  const lowMarkLetters = (): Letter[] =>
    smtp.letters.filter((l) => l.to.includes(parentEmail) && / получил\(а\) 2 по предмету /.test(l.subject));
  let studentId = 0;
  let otherChild: number | null = null;
  let lessonDate = '';
  let workKind = '';
  let classId = 0;
  const comment = 'Проверка дневника: повторить правило';
  const noticeFrom = shift(todayIso(), 1);
  const noticeTo = shift(todayIso(), 2);

  beforeAll(async () => {
    // The school's mail goes to a local SMTP server; the worker sends at once and often.
    smtp = await startSmtp();
    h = await startHarness({ demo: true, env: { NOTIFY_HOLD_SECONDS: '0', NOTIFY_INTERVAL_SECONDS: '0.2' } });
    const demo = h.demo!;
    await useLocalSmtp(h.database.db, demo.schoolId, smtp.port);
    // The parent's address, with the default preferences (a mark of 2 or lower comes at once).
    await h.database.db
      .updateTable('persons')
      .set({ email: parentEmail })
      .where('id', '=', demo.people.parent)
      .execute();
    await h.database.db.deleteFrom('notificationPrefs').where('personId', '=', demo.people.parent).execute();
    studentId = demo.people.student;
    classId = await fiveAId(h);
    const db = h.database.db;
    const children = await db
      .selectFrom('guardianships')
      .select('studentId')
      .where('guardianId', '=', demo.people.parent)
      .where('archivedAt', 'is', null)
      .execute();
    expect(children.map((c) => c.studentId)).toContain(studentId);
    otherChild = children.find((c) => c.studentId !== studentId)?.studentId ?? null;
    const cls = await db
      .selectFrom('classes')
      .select('classTeacherId')
      .where('id', '=', classId)
      .executeTakeFirstOrThrow();
    expect(cls.classTeacherId).toBe(demo.people.teacher);

    // The demo teacher's latest lesson in the child's class up to today: the teacher gives a «2» there.
    const lesson = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select(['lessons.id', 'lessons.date'])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'class')
      .where('lessons.teacherId', '=', demo.people.teacher)
      .where('lessons.date', '<=', todayIso())
      .orderBy('lessons.date', 'desc')
      .orderBy('lessons.lessonNumber', 'desc')
      .executeTakeFirstOrThrow();
    lessonDate = String(lesson.date).slice(0, 10);
    const kind = await db
      .selectFrom('workKinds')
      .select(['id', 'name'])
      .where('schoolId', '=', demo.schoolId)
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    workKind = kind.name;
    const existing = await db
      .selectFrom('marks')
      .select('version')
      .where('lessonId', '=', lesson.id)
      .where('studentId', '=', studentId)
      .where('workKindId', '=', kind.id)
      .executeTakeFirst();
    const teacher = await openAs(h, 'teacher', '/');
    const status = await teacher.evaluate(
      async (body) => {
        const me = await (await fetch('/api/me')).json();
        const answer = await fetch('/api/journal/marks', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(body),
        });
        return answer.status;
      },
      {
        lessonId: lesson.id,
        studentId,
        workKindId: kind.id,
        value: '2',
        comment,
        version: existing?.version ?? null,
        editReason: 'Проверка дневника',
      },
    );
    expect(status).toBe(200);
    await teacher.context().close();
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
  });

  it('a parent on a phone sees the new mark, moves by week, acknowledges, switches child and reports an absence; the e-mail for the «2» arrives once', async () => {
    const week = monday(lessonDate);
    const current = monday(todayIso());
    const page = await openAs(h, 'parent', `/children/${studentId}/diary`, phone);
    await page.getByRole('heading', { level: 1, name: /^Дневник: / }).waitFor();
    if (week !== current) await page.goto(`/children/${studentId}/diary?week=${week}`);
    await page.getByText(`Неделя ${ru(week)} – ${ru(shift(week, 6))}`).waitFor();
    const day = page.locator(`#diary-${lessonDate}`);
    const badge = day.locator('.diary-mark', { hasText: comment });
    await badge.waitFor();
    expect(await badge.locator('.diary-mark-value').textContent()).toBe('2');
    expect(await badge.locator('.diary-mark-kind').textContent()).toBe(workKind);
    expect(await badge.getAttribute('title')).toContain(`${workKind}, вес`);
    await expectNoAxeViolations(page, 'the diary week');
    await expectNoOverflow(page, 'the diary week');

    // The e-mail about the «2» has reached the school's SMTP server.
    await until(() => lowMarkLetters().length > 0, 15_000);

    // The previous week and back (the week is in the address, so the browser's Back works).
    await page.getByRole('link', { name: '‹ Предыдущая неделя' }).click();
    await page.waitForURL(`**/children/${studentId}/diary?week=${shift(week, -7)}`);
    await page.getByText(`Неделя ${ru(shift(week, -7))} – ${ru(shift(week, -1))}`).waitFor();
    await page.goBack();
    await page.getByText(`Неделя ${ru(week)} – ${ru(shift(week, 6))}`).waitFor();
    await badge.waitFor();

    // «Ознакомлен» for the current week: shown at once, still there after a reload.
    await page.goto(`/children/${studentId}/diary`);
    // A refused save puts the button back and says so.
    await page.route('**/api/diary/*/acknowledge', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'internal', message: 'Сервер недоступен.' }),
      }),
    );
    await page.getByRole('button', { name: /^Ознакомлен с неделей/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Не удалось отметить «Ознакомлен»: Сервер недоступен.' })
      .waitFor();
    await page.unroute('**/api/diary/*/acknowledge');
    await page.getByRole('button', { name: /^Ознакомлен с неделей/ }).click();
    const done = page.getByText(`Ознакомлен(а) ${ru(todayIso())}`);
    await done.waitFor();
    await page.reload();
    await done.waitFor();
    expect(await page.getByRole('button', { name: /^Ознакомлен с неделей/ }).count()).toBe(0);
    await expectNoOverflow(page, 'the acknowledged week');

    if (otherChild !== null) {
      await page.goto(`/children/${studentId}/diary?week=${week}`);
      await page
        .getByRole('navigation', { name: 'Дети' })
        .locator(`a[href^="/children/${otherChild}/"]`)
        .click();
      await page.waitForURL(`**/children/${otherChild}/diary?week=${week}`);
      await page.getByText(`Неделя ${ru(week)} – ${ru(shift(week, 6))}`).waitFor();
      const current = page.getByRole('navigation', { name: 'Дети' }).locator('[aria-current="page"]');
      expect(await current.getAttribute('href')).toBe(`/children/${otherChild}/diary?week=${week}`);
      await expectNoOverflow(page, 'the other child’s diary');
    }

    // An absence notice: the form's own check, then sent and listed with «Отменить».
    await page.goto(`/children/${studentId}/absence`);
    await page.getByRole('heading', { level: 1, name: /^Сообщить об отсутствии/ }).waitFor();
    await page.getByLabel('С какого дня').fill(noticeTo);
    await page.getByLabel('По какой день').fill(noticeFrom);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText('Последний день не может быть раньше первого.').waitFor();
    // The server's refusal (a start too far back) is shown next to its field.
    await page.getByLabel('С какого дня').fill(shift(todayIso(), -60));
    await page.getByLabel('По какой день').fill(shift(todayIso(), -59));
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.locator('#fromDate-error').waitFor();
    expect(await page.getByLabel('С какого дня').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('С какого дня').fill(noticeFrom);
    await page.getByLabel('По какой день').fill(noticeTo);
    await page.getByLabel('Причина').selectOption('illness');
    await page.getByLabel('Комментарий').fill('Температура');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText('Сообщение отправлено классному руководителю.').waitFor();
    const notice = page.locator('.diary-notice', { hasText: `${ru(noticeFrom)} – ${ru(noticeTo)}` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Болезнь');
    expect(await notice.textContent()).toContain('Температура');
    await notice.getByRole('button', { name: /^Отменить сообщение об отсутствии/ }).waitFor();
    await expectNoAxeViolations(page, 'the absence notice');
    await expectNoOverflow(page, 'the absence notice');
    await page.context().close();

    // Many worker rounds later the «2» has still been sent exactly once, dated by its lesson.
    const [letter, ...again] = lowMarkLetters();
    expect(again).toEqual([]);
    expect(letter?.subject).toContain(`(${ru(lessonDate)})`);
  });

  it('the class teacher sees who acknowledged the week and the parents’ notices', async () => {
    const page = await openAs(h, 'teacher', `/class/${classId}/acknowledgements`, phone);
    await page.getByRole('heading', { level: 1, name: /^Ознакомление с дневником/ }).waitFor();
    const student = await h.database.db
      .selectFrom('persons')
      .select(['lastName', 'firstName'])
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    const row = page.locator('tr', { hasText: student.lastName });
    await row.waitFor();
    expect(await row.textContent()).toContain(`ознакомлен ${ru(todayIso())}`);
    expect(await page.locator('.diary-count').textContent()).toMatch(/^Ознакомлены: [1-9]\d* из \d+$/);
    await page.locator('.diary-notice', { hasText: `${ru(noticeFrom)} – ${ru(noticeTo)}` }).waitFor();
    await expectNoAxeViolations(page, 'the class acknowledgements');
    await expectNoOverflow(page, 'the class acknowledgements');
    await page.context().close();
  });

  it('the student sees their own diary and their marks with an average and a trend', async () => {
    const page = await openAs(h, 'student', '/student/diary', phone);
    await page.getByRole('heading', { level: 1, name: /^Дневник: / }).waitFor();
    expect(await page.getByRole('button', { name: /^Ознакомлен/ }).count()).toBe(0);
    const week = monday(lessonDate);
    if (week !== monday(todayIso())) await page.goto(`/student/diary?week=${week}`);
    await page.locator(`#diary-${lessonDate} .diary-mark`, { hasText: comment }).waitFor();
    await expectNoOverflow(page, 'the student’s diary');

    await page.goto('/student/marks');
    await page.getByRole('heading', { level: 1, name: /^Оценки: / }).waitFor();
    await page
      .getByText(/^Средний балл: \d,\d\d$/)
      .first()
      .waitFor();
    const trend = page.getByRole('img', { name: /^Оценки: .+; среднее \d,\d\d$/ }).first();
    await trend.waitFor();
    expect(await page.locator('.diary-chips [aria-current="page"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'the marks page');
    await expectNoOverflow(page, 'the marks page');
    await page.context().close();
  });

  it('the week opens at today’s card, and on a Sunday without lessons at its end with the way to the next week', async () => {
    const week = monday(todayIso());
    const wednesday = shift(week, 2);
    const sunday = shift(week, 6);
    let page = await openAs(h, 'parent', undefined, phone);
    const inView = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight + 1;
      });
    // The browser's clock says Wednesday of the server's week: its card is where the week opens.
    await page.clock.setFixedTime(new Date(`${wednesday}T18:00:00`));
    await page.goto(`/children/${studentId}/diary`);
    await page.locator(`#diary-${wednesday}`).waitFor();
    await expect.poll(() => inView(`#day-${wednesday}`)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Sunday evening, no lessons that day (no card): the end of the week, «Ознакомлен» and on.
    // (A fresh page: a reload would rightly keep where the parent had scrolled to.)
    await page.context().close();
    page = await openAs(h, 'parent', undefined, phone);
    await page.clock.setFixedTime(new Date(`${sunday}T18:00:00`));
    await page.goto(`/children/${studentId}/diary`);
    await page.locator('#diary-week-end').waitFor();
    expect(await page.locator(`#diary-${sunday}`).count()).toBe(0);
    const next = page.locator('#diary-week-end').getByRole('link', { name: 'Следующая неделя ›' });
    await expect.poll(() => inView('#diary-week-end .diary-next')).toBe(true);
    await next.click();
    await page.waitForURL(`**/children/${studentId}/diary?week=${shift(week, 7)}`);
    await page.getByText(`Неделя ${ru(shift(week, 7))} – ${ru(shift(week, 13))}`).waitFor();
    await page.context().close();
  });

  it('a parent cancels a notice after asking once, and it stays listed as cancelled', async () => {
    const page = await openAs(h, 'parent', `/children/${studentId}/absence`, phone);
    const notice = page.locator('.diary-notice', { hasText: `${ru(noticeFrom)} – ${ru(noticeTo)}` });
    await notice.getByRole('button', { name: /^Отменить сообщение об отсутствии/ }).click();
    await notice.getByText('Классный руководитель больше не увидит его.').waitFor();
    await notice.getByRole('button', { name: 'Да, отменить' }).click();
    await notice.getByText(/^Отменено \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/).waitFor();
    expect(await notice.getByRole('button', { name: /^Отменить/ }).count()).toBe(0);
    await page.reload();
    await notice.getByText(/^Отменено /).waitFor();
    await page.context().close();
  });
});
