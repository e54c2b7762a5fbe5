import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('the district administrator opens a school', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('creates a school with its administrator, sees it in the list and its structure read-only', async () => {
    const page = await openAs(h, 'district');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Школы', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Школы' }).waitFor();
    const demoSchool = await h.database.db
      .selectFrom('schools')
      .select(['id', 'shortName'])
      .where('id', '=', h.demo!.schoolId)
      .executeTakeFirstOrThrow();
    await page.getByRole('link', { name: demoSchool.shortName, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the district schools page');

    const form = page.getByRole('form', { name: 'Новая школа' });
    await form.getByLabel('Полное название').fill('МБОУ «Средняя школа № 12»');
    await form.getByLabel('Краткое название').fill('СОШ № 12');
    await form.getByLabel('Фамилия').fill('Кузнецова');
    await form.getByLabel('Имя', { exact: true }).fill('Мария');
    await form.getByLabel('Отчество').fill('Ивановна');
    await form.getByLabel('Логин').fill('неверный логин');
    await form.getByRole('button', { name: 'Создать школу' }).click();
    await form.getByText('Только латинские буквы, цифры, точка, дефис и подчёркивание.').waitFor();
    await form.getByLabel('Логин').fill('sosh12.admin');
    await form.getByRole('button', { name: 'Создать школу' }).click();

    const created = page.getByRole('status').filter({ hasText: 'Школа «СОШ № 12» создана' });
    await created.waitFor();
    const password = (await page.getByTestId('one-time-password').textContent()) ?? '';
    expect(password).toMatch(/^\S{10}$/);
    await created.getByText('Пароль показан только сейчас').waitFor();
    await page.getByRole('link', { name: 'СОШ № 12', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'СОШ № 12' }).waitFor();
    await page.getByText('В школе ещё нет учебного года.').waitFor();
    await page.getByRole('link', { name: '← Все школы' }).click();
    await page.getByRole('link', { name: demoSchool.shortName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: demoSchool.shortName }).waitFor();
    await page.getByRole('heading', { name: 'Классы' }).waitFor();
    expect(await page.locator('#classes-title + div tbody tr').count()).toBeGreaterThan(10);
    await expectNoAxeViolations(page, 'a school’s structure');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const account = await h.database.db
      .selectFrom('accounts')
      .select(['passwordChangedAt'])
      .where('login', '=', 'sosh12.admin')
      .executeTakeFirstOrThrow();
    expect(account.passwordChangedAt).toBeNull();
  });
});
