import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRole, DemoSummary } from '../../src/server/seed/seed-demo-school.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  fullNameOf,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
  waitForLoginPage,
} from './harness.ts';

const phone = { width: 360, height: 740 };
/** Every demo account, each with its own home (a new demo role fails the type check here). */
const demoRoles = Object.keys({
  admin: true,
  director: true,
  deputy: true,
  teacher: true,
  parent: true,
  student: true,
  district: true,
} satisfies Record<DemoRole, true>) as DemoRole[];

describe.skipIf(skipE2e)('accessibility, small screens, language and keyboard', () => {
  let h: Harness;
  let demo: DemoSummary;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    demo = h.demo!;
  });
  afterAll(() => h?.stop());

  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('axe finds nothing on the login page', async () => {
    const page = await h.newPage('/', { bypassCSP: true });
    await waitForLoginPage(page);
    await expectNoAxeViolations(page, 'the login page');
  });

  it.each(demoRoles)('axe finds nothing on the home and every section page of the %s', async (role) => {
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, demo.logins[role], demoPassword);
    await page.getByTestId(`role-${role}`).waitFor();
    await expectNoAxeViolations(page, `the ${role}'s home`);

    // Every section in the role's navigation: the built pages and the placeholders alike.
    const links = page
      .getByRole('navigation', { name: 'Разделы' })
      .locator(`ul[aria-labelledby="nav-${role}"] a`);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      await page.locator(`nav a[href="${href}"]`).first().click();
      await page.waitForURL(`**${href}`);
      await page.locator('main h1').first().waitFor();
      await page.getByText('Загрузка…').waitFor({ state: 'detached' });
      await expectNoAxeViolations(page, `the ${role}'s section ${href}`);
    }
  });

  it('axe finds nothing on the change-password page', async () => {
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, demo.logins.teacher, demoPassword);
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Сменить пароль', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Смена пароля', exact: true }).waitFor();
    await page.getByLabel('Текущий пароль', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the change-password page');
  });

  it('at 360 px nothing scrolls sideways and the navigation opens from «Меню»', async () => {
    const page = await h.newPage('/', { viewport: phone, bypassCSP: true });
    await waitForLoginPage(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);

    await logIn(page, demo.logins.parent, demoPassword);
    await page.getByTestId('role-parent').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);

    const nav = page.getByRole('navigation', { name: 'Разделы' });
    const menu = page.getByRole('button', { name: 'Меню', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await page.locator('button[aria-controls="main-nav"][aria-expanded="true"]').waitFor();
    await nav.waitFor({ state: 'visible' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page, "the parent's home with the menu open");

    // The first child's diary is one tap away and opens its (placeholder) page.
    const diary = nav.getByRole('link', { name: 'Дневник' }).first();
    await diary.click();
    await page.waitForURL(/\/children\/\d+\/diary$/);
    await page.getByRole('heading', { level: 1, name: 'Дневник' }).waitFor();
    // Following a link closes the menu again.
    await page.locator('button[aria-controls="main-nav"][aria-expanded="false"]').waitFor();
    await nav.waitFor({ state: 'hidden' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
  });

  it('switches the login page and the home to English and back', async () => {
    const page = await h.newPage();
    await waitForLoginPage(page);
    expect(await htmlLang(page)).toBe('ru');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Otmetka' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.getByLabel('Login', { exact: true }).fill(demo.logins.teacher);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const name = await fullNameOf(h.database, demo.people.teacher);
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    expect(await page.getByTestId('role-teacher').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Teacher',
    );
    expect(await page.getByTestId('role-classTeacher').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Class teacher 5А',
    );
    // The choice survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await page.getByRole('button', { name: 'Русский', exact: true }).click();
    await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('ru');
    expect(await page.getByTestId('role-teacher').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Учитель',
    );

    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await waitForLoginPage(page);
    await page.getByRole('heading', { level: 1, name: 'Вход в Отметку' }).waitFor();
  });

  it('logs in with the keyboard alone', async () => {
    const page = await h.newPage();
    await waitForLoginPage(page);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    // Tab from the top of the page to the login field: skip link and language button come first.
    for (let presses = 0; (await focusedId()) !== 'login'; presses++) {
      expect(presses, 'the login field is reached with a few Tab presses').toBeLessThan(6);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(demo.logins.student);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('password');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');

    const name = await fullNameOf(h.database, demo.people.student);
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByTestId('role-student').waitFor();
  });
});
