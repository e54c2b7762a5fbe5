import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, moveFirstStudentToSecondSubgroup, openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

/** The grid's cell at a row and column of its layout. */
function cell(page: Page, row: number, col: number): Locator {
  return page.locator(`td[role="gridcell"][data-cell="${row}:${col}"]`);
}

/** Opens a course's grid and waits until it is interactive; answers the focused cell's position. */
async function openGrid(page: Page, courseId: number, search = ''): Promise<{ row: number; col: number }> {
  await page.goto(`/journal/${courseId}${search}`);
  const focused = page.locator('td[role="gridcell"][tabindex="0"]');
  await focused.waitFor();
  const [row, col] = ((await focused.getAttribute('data-cell')) ?? '0:0').split(':').map(Number) as [
    number,
    number,
  ];
  return { row, col };
}

/** Fills the edit reason when the lesson is past the edit window (the dialog asks once per page). */
async function reasonIfAsked(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Причина изменения' });
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Причина').fill('Проверка журнала');
    await dialog.getByRole('button', { name: 'Сохранить с этой причиной' }).click();
  }
}

/** Types an entry into the focused cell as a teacher would: the first key opens the editor. */
async function typeEntry(page: Page, text: string, then: 'Enter' | 'Tab' | 'Shift+Tab' = 'Enter') {
  if (/^[\x20-\x7e]/.test(text)) await page.keyboard.type(text);
  else {
    // Playwright types non-Latin characters without a keydown: open the editor with F2 first.
    await page.keyboard.press('F2');
    await page.keyboard.type(text);
  }
  await page.keyboard.press(then);
  await reasonIfAsked(page);
}

describe.skipIf(skipE2e)('the journal grid', () => {
  let h: Harness;
  let courseId = 0;
  let start = { row: 0, col: 0 };

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    const teacher = h.demo!.people.teacher;
    // A whole-class course of the demo teacher with a lesson held by today.
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
    courseId = course.id;
  });
  afterAll(() => h?.stop());

  it('the teacher enters a lesson’s column and a student’s row of marks by keyboard, reloads and sees them', async () => {
    const page = await openAs(h, 'teacher', '/teacher/journal');
    await page.getByRole('heading', { level: 1, name: 'Мои журналы' }).waitFor();
    await expectNoAxeViolations(page, '/teacher/journal');
    await page.locator(`a[href="/journal/${courseId}"]`).click();
    await page.getByRole('grid').waitFor();
    start = await openGrid(page, courseId);
    // Months head their lessons' dates (ДД.ММ) in Russian.
    const months = await page.locator('.jg-months .jg-month').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    for (const m of months)
      expect(m).toMatch(/^(Январь|Февраль|Март|Апрель|Май|Июнь|Сентябрь|Октябрь|Ноябрь|Декабрь)$/);
    expect(await page.locator('.jg-date-link').first().textContent()).toMatch(/^\d{2}\.\d{2}/);
    await expectNoAxeViolations(page, 'the grid of the teacher');
    await cell(page, start.row, start.col).click();
    const entries = ['5', '4-', '3', 'н', '.'];
    for (const entry of entries) await typeEntry(page, entry);
    await page.getByText('Все изменения сохранены.').waitFor();
    // And a row: one student's marks over the lessons before, moving back with Shift+Tab.
    const rowMarks = ['5', '4', '3'];
    await cell(page, start.row + 10, start.col).click();
    for (const entry of rowMarks) await typeEntry(page, entry, 'Shift+Tab');
    await page.getByText('Все изменения сохранены.').waitFor();
    // An invalid entry stays in the editor with a Russian hint, and nothing is sent.
    await cell(page, start.row + 5, start.col).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Не понял отметку' }).waitFor();
    await expectNoAxeViolations(page, 'the grid with a hint');
    await page.keyboard.press('Escape');

    await openGrid(page, courseId);
    const shown = [];
    for (let i = 0; i < entries.length; i += 1)
      shown.push((await cell(page, start.row + i, start.col).innerText()).trim());
    expect(shown.map((s) => s.replace(/\s+/g, ' '))).toEqual(entries);
    expect((await cell(page, start.row + 5, start.col).innerText()).trim()).not.toContain('7');
    const rowShown = [];
    for (let i = 0; i < rowMarks.length; i += 1)
      rowShown.push(
        await cell(page, start.row + 10, start.col - i)
          .locator('.jg-mark')
          .textContent(),
      );
    expect(rowShown).toEqual(rowMarks);
    await page.context().close();
  });

  it('keeps what was typed while the network is down, warns before leaving, and saves it when it returns', async () => {
    const page = await openAs(h, 'teacher');
    await openGrid(page, courseId);
    const context = page.context();
    await cell(page, start.row + 6, start.col).click();
    await context.setOffline(true);
    await typeEntry(page, '5');
    await typeEntry(page, '4');
    await expect
      .poll(() => cell(page, start.row + 6, start.col).getAttribute('class'))
      .toContain('jg-pending');
    await expect
      .poll(() => cell(page, start.row + 7, start.col).getAttribute('class'))
      .toContain('jg-pending');
    // Kept on the device (the course was loaded online here), and said so.
    await page.getByText(/Ждут отправки: 2\. Нет связи с сервером/).waitFor();
    // Leaving the page now would lose them: the page asks the browser to warn.
    const warned = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(warned).toBe(true);
    await context.setOffline(false);
    await page.getByText('Все изменения сохранены.').waitFor({ timeout: 20_000 });
    const warnedAfter = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(warnedAfter).toBe(false);

    // A connection that breaks (aborted requests) keeps the cell on the device the same way.
    await page.route('**/api/journal/marks', (route) => route.abort('connectionreset'));
    await page.route('**/api/journal/sync', (route) => route.abort('connectionreset'));
    await cell(page, start.row + 8, start.col).click();
    await typeEntry(page, '3');
    await expect
      .poll(() => cell(page, start.row + 8, start.col).getAttribute('class'))
      .toContain('jg-pending');
    await page.unroute('**/api/journal/marks');
    await page.unroute('**/api/journal/sync');
    await page.getByRole('button', { name: 'Отправить сейчас' }).first().click();
    await page.getByText('Все изменения сохранены.').waitFor({ timeout: 20_000 });

    await openGrid(page, courseId);
    expect((await cell(page, start.row + 6, start.col).innerText()).trim()).toBe('5');
    expect((await cell(page, start.row + 7, start.col).innerText()).trim()).toBe('4');
    expect((await cell(page, start.row + 8, start.col).innerText()).trim()).toBe('3');
    await context.close();
  });

  it('two sessions editing one cell: the later save shows a conflict with the current value', async () => {
    const first = await openAs(h, 'teacher');
    const second = await openAs(h, 'teacher');
    const row = start.row + 9;
    await openGrid(first, courseId);
    await openGrid(second, courseId);
    await cell(first, row, start.col).click();
    await typeEntry(first, '5');
    await first.getByText('Все изменения сохранены.').waitFor();

    await cell(second, row, start.col).click();
    await typeEntry(second, '2');
    const clash = cell(second, row, start.col);
    await expect.poll(() => clash.getAttribute('class')).toContain('jg-conflict');
    expect(await clash.innerText()).toContain('сейчас: 5');
    const conflicts = second.getByRole('list', { name: 'Конфликты: выберите, какое значение оставить' });
    expect(await conflicts.innerText()).toContain('вы ввели «2», а сейчас в журнале «5»');
    // Nothing was overwritten silently; the teacher decides to keep their own value.
    await conflicts.getByRole('button', { name: 'Оставить моё (2)' }).click();
    await second.getByText('Все изменения сохранены.').waitFor();
    await openGrid(first, courseId);
    expect((await cell(first, row, start.col).innerText()).trim()).toBe('2');
    await first.context().close();
    await second.context().close();
  });

  it('the deputy opens a class journal read-only and sees a cell’s history', async () => {
    const klass = await h.database.db
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('classes', 'classes.id', 'groups.classId')
      .select(['classes.id'])
      .where('courses.id', '=', courseId)
      .executeTakeFirstOrThrow();
    const page = await openAs(h, 'deputy', '/deputy/journals');
    await page.getByRole('heading', { level: 1, name: 'Журналы' }).waitFor();
    await page.getByLabel('Класс').selectOption(String(klass.id));
    await page.locator(`a[href="/journal/${courseId}"]`).waitFor();
    await expectNoAxeViolations(page, '/deputy/journals');
    await page.locator(`a[href="/journal/${courseId}"]`).click();
    await page.getByRole('grid').waitFor();
    await page.getByText('Журнал открыт для просмотра.').waitFor();
    const target = cell(page, start.row, start.col);
    await target.click();
    expect(await target.getAttribute('aria-readonly')).toBe('true');
    // Typing changes nothing for a reader.
    await page.keyboard.type('2');
    expect(await page.locator('.jg-input').count()).toBe(0);
    await page.keyboard.press('Alt+KeyH');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^История: / }).waitFor();
    const mark = dialog.getByRole('region', { name: 'Оценка' });
    await mark.getByRole('listitem').first().waitFor();
    const text = await mark.innerText();
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    expect(text).toContain('→ 5');
    await expectNoAxeViolations(page, 'the history dialog');
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await page.context().close();
  });

  it('a student moved between subgroups is in each subgroup’s journal only on the dates they belonged', async () => {
    const db = h.database.db;
    const classId = await fiveAId(h);
    const subgroups = await db
      .selectFrom('groups')
      .innerJoin('courses', 'courses.groupId', 'groups.id')
      .select(['groups.id as groupId', 'courses.id as courseId'])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'subgroup')
      .execute();
    expect(subgroups.length).toBeGreaterThanOrEqual(2);
    // The demo teacher teaches these subgroups here, so the test can see where they may write.
    await db
      .updateTable('courses')
      .set({ teacherId: h.demo!.people.teacher })
      .where(
        'id',
        'in',
        subgroups.map((s) => s.courseId),
      )
      .execute();
    const page = await openAs(h, 'teacher', `/class/${classId}/subgroups`);
    const period = await page.evaluate(
      async (id) => (await (await fetch(`/api/journal/courses/${id}`)).json()).period as { startsOn: string },
      subgroups[0]!.courseId,
    );
    // The move takes effect halfway between the start of the current period and today.
    const from = new Date(`${period.startsOn}T12:00:00Z`).getTime();
    const moveDate = new Date((from + Date.now()) / 2).toISOString().slice(0, 10);
    await page.getByLabel('Дата, с которой действует перевод').fill(moveDate);
    const { first, second, student } = await moveFirstStudentToSecondSubgroup(page);
    await second.getByText(student).waitFor();
    const groupOf = async (column: Locator) =>
      Number(
        ((await column.getByRole('heading', { level: 3 }).getAttribute('id')) ?? '').replace('group-', ''),
      );
    const courseOf = async (column: Locator) => {
      const groupId = await groupOf(column);
      return subgroups.find((s) => s.groupId === groupId)!.courseId;
    };
    // The grid names students by surname and first name.
    const shortName = student.split(' ').slice(0, 2).join(' ');
    const journals = [
      { courseId: await courseOf(first), memberOn: (date: string) => date < moveDate },
      { courseId: await courseOf(second), memberOn: (date: string) => date >= moveDate },
    ];
    let before = 0;
    let after = 0;
    for (const journal of journals) {
      await openGrid(page, journal.courseId);
      const row = page.locator('tr').filter({ has: page.locator('th.jg-student', { hasText: shortName }) });
      await row.waitFor();
      const cells = await row.locator('td[data-date]').evaluateAll((tds) =>
        tds.map((td) => ({
          date: td.getAttribute('data-date') ?? '',
          out: td.classList.contains('jg-out'),
          readOnly: td.getAttribute('aria-readonly') === 'true',
        })),
      );
      for (const c of cells) {
        const member = journal.memberOn(c.date);
        expect({ date: c.date, out: c.out }).toEqual({ date: c.date, out: !member });
        if (!member) expect(c.readOnly).toBe(true);
        if (c.date < moveDate) before += 1;
        else after += 1;
      }
    }
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    // A cell outside the membership cannot be typed into.
    const outCell = page.locator('td.jg-out').first();
    await outCell.click();
    await page.keyboard.type('5');
    expect(await page.locator('.jg-input').count()).toBe(0);
    await page.context().close();
  });

  it('past the edit window asks the reason once; a comment, another mark column and «attendance taken» are saved', async () => {
    const page = await openAs(h, 'teacher');
    await page.goto('/teacher/journal');
    const grid = await page.evaluate(
      async (id) =>
        (await (await fetch(`/api/journal/courses/${id}`)).json()) as {
          lessons: {
            id: number;
            date: string;
            canEdit: boolean;
            needsReason: boolean;
            attendanceTaken: boolean;
          }[];
        },
      courseId,
    );
    const late = grid.lessons.find((l) => l.canEdit && l.needsReason);
    // The demo has taken attendance of every lesson held: the next lesson is the one to confirm.
    const next = grid.lessons.find((l) => l.canEdit && !l.attendanceTaken);
    expect(next, 'a lesson whose attendance is not taken').toBeDefined();
    expect(late, 'a lesson past the edit window').toBeDefined();
    const { row, col } = await openGrid(page, courseId, `?lessonId=${late!.id}`);
    expect(await cell(page, row, col).getAttribute('data-date')).toBe(late!.date);
    await cell(page, row, col).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    const reason = page.getByRole('dialog', { name: 'Причина изменения' });
    await reason.waitFor();
    await reason.getByRole('button', { name: 'Сохранить с этой причиной' }).click();
    await reason.getByText('Напишите причину изменения.').waitFor();
    await reason.getByLabel('Причина').fill('Оценка за устный ответ не была внесена');
    await reason.getByRole('button', { name: 'Сохранить с этой причиной' }).click();
    await page.getByText('Все изменения сохранены.').waitFor();
    // Asked once: the next change on this page goes without the dialog.
    await typeEntry(page, '5');
    await page.getByText('Все изменения сохранены.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A comment on the mark, which the student and parents will see.
    await cell(page, row, col).click();
    await page.keyboard.press('Shift+Enter');
    const comment = page.getByRole('dialog', { name: 'Комментарий к оценке 4' });
    await comment.getByText('Комментарий увидят ученик и его родители.').waitFor();
    await comment.getByLabel('Комментарий').fill('Хороший ответ у доски');
    await comment.getByRole('button', { name: 'Сохранить комментарий' }).click();
    await page.getByText('Все изменения сохранены.').waitFor();

    // Another mark column and «attendance taken» in the next lesson (inside the edit window).
    const nextDate = `${next!.date.slice(8, 10)}.${next!.date.slice(5, 7)}`;
    const kindsBefore = await page.locator('.jg-kinds th').count();
    await page.getByRole('button', { name: `Добавить колонку оценок: ${nextDate}` }).click();
    const add = page.getByRole('dialog', { name: `Ещё одна колонка оценок за ${nextDate}` });
    await add.getByRole('button', { name: 'Добавить колонку' }).click();
    await expect.poll(() => page.locator('.jg-kinds th').count()).toBe(kindsBefore + 1);
    const taken = page.getByRole('checkbox', { name: `Посещаемость отмечена: ${nextDate}` });
    await taken.check();
    await page.getByText(`Посещаемость за ${nextDate} отмечена.`).waitFor();

    await openGrid(page, courseId, `?lessonId=${late!.id}`);
    expect(await page.locator('.jg-kinds th').count()).toBe(kindsBefore + 1);
    expect(await page.locator(`td[data-date="${next!.date}"]`).count()).toBe(
      2 * (await page.locator('tbody tr').count()),
    );
    expect(await page.getByRole('checkbox', { name: `Посещаемость отмечена: ${nextDate}` }).isChecked()).toBe(
      true,
    );
    const saved = await h.database.db
      .selectFrom('marks')
      .select(['value', 'comment'])
      .where('lessonId', '=', late!.id)
      .where('deletedAt', 'is', null)
      .execute();
    expect(saved).toContainEqual({ value: '4', comment: 'Хороший ответ у доски' });
    await cell(page, row, col).click();
    await page.keyboard.press('Alt+KeyH');
    const history = page.getByRole('dialog').getByRole('region', { name: 'Оценка' });
    await history.getByRole('listitem').first().waitFor();
    expect(await history.textContent()).toContain('Оценка за устный ответ не была внесена');
    await page.context().close();
  });

  it('the period column shows the weighted average with the suggested mark and takes the teacher’s mark', async () => {
    const page = await openAs(h, 'teacher');
    await openGrid(page, courseId);
    // The student whose row of marks the first test entered has an average now.
    const studentRow = page.locator('tbody tr').nth(start.row + 10);
    const periodCell = studentRow.locator('td.jg-period').first();
    expect(await periodCell.locator('.jg-suggest').textContent()).toMatch(/^\d\.\d{2} → [2-5]$/);
    await periodCell.click();
    await typeEntry(page, '6');
    await page.getByRole('alert').filter({ hasText: 'Оценка за период: 5, 4, 3, 2, н/а' }).waitFor();
    await page.keyboard.press('Escape');
    await typeEntry(page, '4');
    await page.getByText('Все изменения сохранены.').waitFor();
    await openGrid(page, courseId);
    expect(
      await page
        .locator('tbody tr')
        .nth(start.row + 10)
        .locator('td.jg-period .jg-mark')
        .first()
        .textContent(),
    ).toBe('4');
    await page.context().close();
  });
});
