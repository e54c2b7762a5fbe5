import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import {
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
  waitForLoginPage,
} from './harness.ts';

/** The steps' pages, in order, as the checklist links them. */
const stepLinks: [string, string][] = [
  ['Школа настроена', '/admin/settings'],
  ['Учебный год и его периоды', '/admin/calendar'],
  ['Календарь школы: каникулы и праздники', '/admin/calendar'],
  ['Расписание звонков', '/admin/calendar'],
  ['Классы', '/admin/structure'],
  ['Предметы', '/admin/structure'],
  ['Учителя с доступом в Отметку', '/admin/people'],
  ['Нагрузка: кто какой предмет ведёт в каком классе', '/admin/structure'],
  ['Расписание уроков', '/admin/timetable'],
  ['Ученики в классах', '/admin/structure'],
  ['Доступы родителей выданы', '/admin/structure'],
  ['Первый урок записан: тема, посещаемость или оценка', '/admin/timetable'],
];

/**
 * «Первые шаги» in Chromium: the demo administrator's school has every step done and each step
 * links to its page; a fresh school's first-run administrator is told the academic year is next.
 */
describe.skipIf(skipE2e)('the first-steps checklist of the demo school', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('shows every step done, each a link to its page, and follows one', async () => {
    const page = await openAs(h, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Первые шаги', exact: true })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Первые шаги' }).waitFor();
    await page.getByText('Выполнено: 12 из 12').waitFor();
    await page.getByText('Все шаги выполнены', { exact: false }).waitFor();
    expect(await page.getByText('Следующий шаг', { exact: true }).count()).toBe(0);
    const list = page.locator('ol.first-steps');
    for (const [name, path] of stepLinks) {
      const link = list.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('href'), name).toBe(path);
    }
    expect(await list.locator('li').count()).toBe(stepLinks.length);
    expect(await list.getByText('Выполнено', { exact: false }).count()).toBe(stepLinks.length);
    await expectNoAxeViolations(page, 'the first-steps checklist');

    await list.getByRole('link', { name: 'Расписание звонков', exact: true }).click();
    await page.waitForURL('**/admin/calendar');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Первые шаги');
  });
});

describe.skipIf(skipE2e)('the first-steps checklist of a fresh school', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  const fill = async (page: Page, label: string, value: string) => {
    await page.getByLabel(label, { exact: true }).fill(value);
  };

  it('the first-run administrator sees the academic year as the next step', async () => {
    const page = await h.newPage('/', { bypassCSP: true });
    await page.getByRole('heading', { level: 1, name: 'Первоначальная настройка' }).waitFor();
    await fill(
      page,
      'Полное название школы',
      'Муниципальное бюджетное общеобразовательное учреждение «Школа № 9»',
    );
    await fill(page, 'Краткое название', 'Школа № 9');
    await fill(page, 'Фамилия', 'Орлова');
    await fill(page, 'Имя', 'Мария');
    await fill(page, 'Отчество (если есть)', 'Ивановна');
    await fill(page, 'Логин администратора', 'orlova');
    await fill(page, 'Пароль', 'first-run-password');
    await fill(page, 'Пароль ещё раз', 'first-run-password');
    await page.getByRole('button', { name: 'Создать школу', exact: true }).click();
    await waitForLoginPage(page);
    await logIn(page, 'orlova', 'first-run-password');
    await page.getByTestId('role-admin').getByRole('link', { name: 'Первые шаги', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Первые шаги' }).waitFor();

    const next = page.locator('li[aria-current="step"]');
    await next.waitFor();
    expect(await next.getAttribute('data-testid')).toBe('first-step-year');
    expect(await next.textContent()).toContain('Следующий шаг');
    expect(await page.getByText('Следующий шаг', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('first-steps-count').textContent()).toBe('Выполнено: 1 из 12');
    expect(await page.getByTestId('first-step-school').textContent()).toContain('Выполнено');
    await expectNoAxeViolations(page, 'a fresh school’s first steps');

    await next.getByRole('link', { name: 'Учебный год и его периоды', exact: true }).click();
    await page.waitForURL('**/admin/calendar');
  });
});
