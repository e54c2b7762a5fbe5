import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('the administrator keeps the school calendar', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('adds a vacation and a working-day transfer and sees them in the calendar', async () => {
    const page = await openAs(h, 'admin');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Учебный год и календарь', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Учебный год и календарь' }).waitFor();
    await page.getByRole('heading', { name: 'Каникулы, праздники и переносы' }).waitFor();
    await expectNoAxeViolations(page, 'the calendar page');

    const quarters = page.getByRole('form', { name: 'Четверти' });
    await quarters.getByRole('group', { name: '2 четверть' }).getByLabel('Начало').fill('2026-10-01');
    await quarters.getByRole('button', { name: 'Сохранить: Четверти' }).click();
    await quarters.getByText('Период должен начинаться после окончания предыдущего.').waitFor();
    expect(
      await quarters
        .getByRole('group', { name: '2 четверть' })
        .getByLabel('Начало')
        .getAttribute('aria-invalid'),
    ).toBe('true');

    const form = page.getByRole('form', { name: 'Добавить в календарь' });
    await form.getByLabel('Вид').selectOption('vacation');
    await form.getByLabel('Название').fill('Неделя здоровья');
    await form.getByLabel('Начало').fill('2027-03-03');
    await form.getByLabel('Окончание').fill('2027-03-01');
    await form.getByRole('button', { name: 'Добавить' }).click();
    await form.getByText('Окончание не может быть раньше начала.').waitFor();

    await form.getByLabel('Начало').fill('2027-03-01');
    await form.getByLabel('Окончание').fill('2027-03-03');
    await form.getByRole('button', { name: 'Добавить' }).click();
    const table = page.locator('.calendar-table');
    await table.getByRole('row', { name: /01\.03\.2027 – 03\.03\.2027 Каникулы Неделя здоровья/ }).waitFor();

    await form.getByLabel('Вид').selectOption('workday');
    await form.getByLabel('Название').fill('Перенос с 31 декабря');
    await form.getByLabel('Дата').fill('2026-12-26');
    await form.getByLabel('По расписанию какого дня').selectOption({ label: 'Пн' });
    await form.getByRole('button', { name: 'Добавить' }).click();
    await table
      .getByRole('row', { name: /26\.12\.2026 Перенос рабочего дня \(по расписанию: Пн\)/ })
      .waitFor();

    const month = page.getByRole('region', { name: 'Календарь по месяцам' });
    await month.getByLabel('Параллель').selectOption('5');
    await month.getByLabel('Месяц').selectOption({ label: 'Декабрь 2026' });
    expect(await month.locator('[data-date="2026-12-26"]').textContent()).toBe('26по расписанию: Пн');
    expect(await month.locator('[data-date="2026-12-27"]').textContent()).toBe('27выходной');
    await month.getByLabel('Месяц').selectOption({ label: 'Март 2027' });
    expect(await month.locator('[data-date="2027-03-02"]').textContent()).toBe('2Каникулы');
    expect(await month.locator('[data-date="2027-03-04"]').textContent()).toBe('4учебный');

    const stored = await h.database.db
      .selectFrom('calendarEntries')
      .select(['kind', 'startsOn', 'endsOn', 'asWeekday'])
      .where('name', 'in', ['Неделя здоровья', 'Перенос с 31 декабря'])
      .orderBy('startsOn')
      .execute();
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(stored).toEqual([
      { kind: 'workday', startsOn: '2026-12-26', endsOn: '2026-12-26', asWeekday: 1 },
      { kind: 'vacation', startsOn: '2027-03-01', endsOn: '2027-03-03', asWeekday: null },
    ]);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Новый учебный год' }).click();
    const yearForm = page.getByRole('form', { name: 'Новый учебный год' });
    expect(await yearForm.getByLabel('Название').inputValue()).toBe('2027/2028');
    await yearForm.getByRole('button', { name: 'Создать' }).click();
    // The page switches to the new year once it is saved (the old year's headings stay meanwhile).
    await expect
      .poll(() => page.getByLabel('Учебный год').locator('option:checked').textContent(), { timeout: 10_000 })
      .toBe('2027/2028');
    await page.getByRole('heading', { name: 'Четверти' }).waitFor();
    await page.getByText('Периоды ещё не заданы.', { exact: false }).waitFor();
    await page.getByText('Записей нет.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Добавить обычные каникулы' }).click();
    await page.getByText('Добавлено каникул: 5.', { exact: false }).waitFor();
    await table.getByRole('row', { name: /30\.10\.2027 – 07\.11\.2027 Каникулы Осенние каникулы/ }).waitFor();
  });
});
