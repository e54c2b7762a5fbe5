import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, testPassword } from '../factories.ts';
import {
  expectNoAxeViolations,
  type Harness,
  logIn,
  meStatus,
  skipE2e,
  startHarness,
  submitLogin,
  waitForLoginPage,
} from './harness.ts';

describe.skipIf(skipE2e)('first run in the browser', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  const fill = async (page: Page, label: string, value: string) => {
    await page.getByLabel(label, { exact: true }).fill(value);
  };

  it('sets up the school on an empty database, then its administrator logs in', async () => {
    const page = await h.newPage('/', { bypassCSP: true });
    await page.getByRole('heading', { level: 1, name: 'Первоначальная настройка' }).waitFor();
    await expectNoAxeViolations(page, 'the setup page');

    await fill(
      page,
      'Полное название школы',
      'Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»',
    );
    await fill(page, 'Краткое название', 'Школа № 7');
    await fill(page, 'Фамилия', 'Соколова');
    await fill(page, 'Имя', 'Анна');
    await fill(page, 'Отчество (если есть)', 'Сергеевна');
    await fill(page, 'Логин администратора', 'sokolova');
    await fill(page, 'Пароль', 'first-run-password');
    await fill(page, 'Пароль ещё раз', 'first-run-password');
    await page.getByRole('button', { name: 'Создать школу', exact: true }).click();

    await waitForLoginPage(page);
    await page
      .getByRole('status')
      .filter({ hasText: 'Школа создана. Войдите под учётной записью администратора.' })
      .waitFor();
    await logIn(page, 'sokolova', 'first-run-password');
    await page.getByRole('heading', { level: 1, name: 'Соколова Анна Сергеевна', exact: true }).waitFor();
    await page
      .getByTestId('role-admin')
      .getByRole('heading', { name: 'Администратор', exact: true })
      .waitFor();
    expect(await page.locator('header').textContent()).toContain('Школа № 7');

    // The setup is done once: a fresh visitor now gets the login page.
    const other = await h.newPage();
    await waitForLoginPage(other);
    expect(await other.getByText('Первоначальная настройка').count()).toBe(0);
  });

  it('an issued password must be changed at first login; the new one then works', async () => {
    const school = await h.database.db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
    const { login } = await buildPerson(h.database.db, {
      schoolId: school.id,
      roles: ['teacher'],
      lastName: 'Петров',
      firstName: 'Пётр',
      middleName: 'Петрович',
      mustChangePassword: true,
    });
    const page = await h.newPage('/', { bypassCSP: true });
    await submitLogin(page, login, testPassword);
    await page.getByRole('heading', { level: 1, name: 'Смена пароля', exact: true }).waitFor();
    await page.getByText('Этот пароль временный.').waitFor();
    await expectNoAxeViolations(page, 'the forced password change');
    // Nothing else is reachable before the change.
    expect(await page.getByRole('navigation').count()).toBe(0);

    await page.getByLabel('Текущий пароль', { exact: true }).fill(testPassword);
    await page.getByLabel('Новый пароль', { exact: true }).fill('my-own-password');
    await page.getByLabel('Новый пароль ещё раз', { exact: true }).fill('my-own-password');
    await page.getByRole('button', { name: 'Сменить пароль', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Петров Пётр Петрович', exact: true }).waitFor();
    await page.getByTestId('role-teacher').waitFor();

    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await waitForLoginPage(page);
    expect(await meStatus(page)).toBe(401);

    const fresh = await h.newPage();
    await submitLogin(fresh, login, testPassword);
    await fresh.getByRole('alert').filter({ hasText: 'Неверный логин или пароль.' }).waitFor();
    await logIn(fresh, login, 'my-own-password');
    await fresh.getByRole('heading', { level: 1, name: 'Петров Пётр Петрович', exact: true }).waitFor();
    expect(await fresh.getByRole('heading', { name: 'Смена пароля' }).count()).toBe(0);
  });
});
