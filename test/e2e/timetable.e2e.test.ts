import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('the timetable page', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  /** 5А's Monday first lesson, another whole-class course of 5А, and a teacher free at that lesson. */
  async function facts() {
    const db = h.database.db;
    const demo = h.demo!;
    const classId = await fiveAId(h);
    const courses = await db
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select(['courses.id', 'groups.kind'])
      .where('groups.classId', '=', classId)
      .execute();
    const wholeClass = courses.filter((c) => c.kind === 'class').map((c) => c.id);
    // A lesson of the whole class in the week, and another whole-class course to clash with it.
    const slot = await db
      .selectFrom('timetableSlots')
      .select(['courseId', 'weekday', 'lessonNumber'])
      .where('courseId', 'in', wholeClass)
      .orderBy('weekday')
      .orderBy('lessonNumber')
      .executeTakeFirstOrThrow();
    const other = wholeClass.find((id) => id !== slot.courseId)!;
    const lesson = await db
      .selectFrom('lessons')
      .select(['date', 'lessonNumber', 'teacherId'])
      .where('courseId', '=', slot.courseId)
      .where('lessonNumber', '=', slot.lessonNumber)
      .orderBy('date', 'desc')
      .executeTakeFirstOrThrow();
    const busy = await db
      .selectFrom('lessons')
      .select('teacherId')
      .where('date', '=', lesson.date)
      .where('lessonNumber', '=', lesson.lessonNumber)
      .execute();
    const free = await db
      .selectFrom('roleAssignments')
      .select('personId')
      .where('schoolId', '=', demo.schoolId)
      .where('role', '=', 'teacher')
      .where('revokedAt', 'is', null)
      .where(
        'personId',
        'not in',
        busy.map((b) => b.teacherId),
      )
      .executeTakeFirstOrThrow();
    return { classId, other, slot, placed: slot.courseId, lesson, substitute: free.personId };
  }

  it('shows 5А’s week, refuses a clashing lesson in Russian and records a substitution', async () => {
    const f = await facts();
    const page = await openAs(h, 'admin', '/admin/timetable');
    await page.getByRole('heading', { level: 1, name: 'Расписание' }).waitFor();
    await page.getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    const grid = page.locator('table.timetable-grid');
    await grid.locator('caption', { hasText: 'Расписание 5А' }).waitFor();
    expect(await grid.locator('.timetable-slot').count()).toBeGreaterThan(15);
    await expect.poll(() => grid.locator('tbody th').first().textContent()).toContain('08:30');
    await expectNoAxeViolations(page, 'the timetable week of 5А');

    const days = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
    await page
      .getByRole('button', {
        name: `Добавить урок: ${days[f.slot.weekday - 1]}, ${f.slot.lessonNumber}-й урок`,
      })
      .click();
    await page.getByLabel('Курс', { exact: true }).selectOption(String(f.other));
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(() => page.locator('#lessonNumber-error').textContent())
      .toMatch(/^У группы «5А» в это время уже стоит урок: .+/);
    await page.getByRole('alert').filter({ hasText: 'Номер урока' }).waitFor();

    await page.getByRole('button', { name: 'Изменения' }).click();
    await page.getByText('Изменений пока нет', { exact: false }).waitFor();
    await page.getByLabel('Вид изменения').selectOption('substitute');
    await page.locator('#change-courseId').selectOption(String(f.placed));
    await page.getByLabel('Дата', { exact: true }).fill(f.lesson.date);
    await page.locator('#change-lessonNumber').selectOption(String(f.lesson.lessonNumber));
    await page.getByLabel('Заменяющий учитель').selectOption(String(f.substitute));
    await page.getByLabel('Причина').fill('Курсы повышения квалификации');
    await page.getByRole('button', { name: 'Записать' }).click();
    await page.getByText('Изменение записано.').waitFor();
    const row = page.locator('table.timetable-list tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Замена учителя');
    expect(await row.textContent()).toContain('Курсы повышения квалификации');
    await expectNoAxeViolations(page, 'the timetable changes of 5А');

    await page.getByRole('button', { name: 'Уроки' }).click();
    await page.getByLabel('Период').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Создать уроки' }).click();
    // The demo's lessons are already there: generating again creates nothing and removes nothing.
    await page.getByText(/^Создано: 0\. Изменено: 0\. Удалено пустых: 0\. Без изменений: \d+\.$/).waitFor();
    await expectNoAxeViolations(page, 'the lessons report of 5А');

    const lesson = await h.database.db
      .selectFrom('lessons')
      .select('teacherId')
      .where('courseId', '=', f.placed)
      .where('date', '=', f.lesson.date)
      .where('lessonNumber', '=', f.lesson.lessonNumber)
      .executeTakeFirstOrThrow();
    expect(lesson.teacherId).toBe(f.substitute);
  });

  it('a teacher sees the week without the controls that change it', async () => {
    const page = await openAs(h, 'teacher', '/admin/timetable');
    await page.getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    await page.locator('table.timetable-grid caption', { hasText: 'Расписание 5А' }).waitFor();
    expect(await page.locator('.timetable-slot').count()).toBeGreaterThan(15);
    expect(await page.getByRole('button', { name: /^Добавить урок/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Уроки' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the timetable week as a teacher sees it');
  });
});
