import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClassXlsx } from '../../src/server/imports/imports.test-helpers.ts';
import { moveFirstStudentToSecondSubgroup, pdfText } from './demo.ts';
import { demoPassword, type Harness, logIn, skipE2e, startHarness } from './harness.ts';

/**
 * The class teacher's journey before the first lesson, all from the navigation: import the class
 * from XLSX, move a student between subgroups from a date, print the parents' credential slips.
 */
describe.skipIf(skipE2e)('the class teacher prepares the class', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('imports the class from XLSX, moves a student between subgroups and prints the parents’ slips', async () => {
    const demo = h.demo!;
    const context = await h.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto('/');
    await logIn(page, demo.logins.teacher, demoPassword);

    // «Мой класс» → import from a file.
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Мой класс' }).click();
    await page.waitForURL(/\/class\/\d+$/);
    const classPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Загрузить список из файла' }).click();
    await page.waitForURL(`**${classPath}/import`);
    await page.getByLabel('Файл CSV или XLSX').setInputFiles({
      name: '5А.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await demoClassXlsx(),
    });
    await page.getByText('Новых: 2. Изменится: 0. Без изменений: 0. С ошибками: 0.').waitFor();
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByText('Загружено. Новых учеников: 2, изменено: 0, без изменений: 0.').waitFor();
    await page.getByRole('link', { name: 'К списку класса' }).click();
    await page.waitForURL(`**${classPath}`);
    await page.getByRole('link', { name: 'Импортова Алёна Игоревна', exact: true }).waitFor();

    // Subgroups: move the first student of the first subgroup to the second, from today.
    await page.getByRole('link', { name: 'Подгруппы', exact: true }).click();
    await page.waitForURL(`**${classPath}/subgroups**`);
    const { first, second, student } = await moveFirstStudentToSecondSubgroup(page);
    await second.getByText(student, { exact: true }).waitFor();
    expect(await first.getByText(student, { exact: true }).count()).toBe(0);

    // Credentials: every parent of the class, the imported ones included, on one PDF of slips.
    await page.goto(classPath);
    await page.getByRole('link', { name: 'Логины и пароли для семей' }).click();
    await page.waitForURL(`**${classPath}/credentials`);
    await page.getByRole('button', { name: 'Выбрать всех — Родители' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Выдать (доступ|заново)$/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Доступы 5А \d\d\.\d\d\.\d{4}\.pdf$/);
    const text = pdfText(await download.path());
    expect(text).toContain('Импортова Ирина');
    expect(text).toContain('Загрузкин Олег');
    const imported = await h.database.db
      .selectFrom('accounts')
      .innerJoin('persons', 'persons.id', 'accounts.personId')
      .select(['accounts.login', 'accounts.passwordChangedAt'])
      .where('persons.lastName', '=', 'Импортова')
      .where('persons.firstName', '=', 'Ирина')
      .executeTakeFirstOrThrow();
    expect(text).toContain(imported.login);
    expect(imported.passwordChangedAt).toBeNull();
  }, 60_000);
});
