import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, openAs } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';

/**
 * The print page of issue #7 in Chromium: a teacher prints a course of their own in the background
 * (progress, then a PDF), the class teacher sees the whole journal's documents, the deputy every class.
 */
describe.skipIf(skipE2e)('the print page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  /** The login of a person of the demo school. */
  const loginOf = async (personId: number) =>
    (
      await h.database.db
        .selectFrom('accounts')
        .select('login')
        .where('personId', '=', personId)
        .executeTakeFirstOrThrow()
    ).login;

  it('a teacher prints a course of their own: the progress shows, then the download is a PDF', async () => {
    const classId = await fiveAId(h);
    const cls = await h.database.db
      .selectFrom('classes')
      .select('classTeacherId')
      .where('id', '=', classId)
      .executeTakeFirstOrThrow();
    const course = await h.database.db
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('accounts', 'accounts.personId', 'courses.teacherId')
      .select(['courses.teacherId'])
      .where('groups.classId', '=', classId)
      .where('courses.teacherId', '!=', cls.classTeacherId ?? -1)
      .executeTakeFirstOrThrow();
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, await loginOf(course.teacherId), demoPassword);
    await page.goto('/teacher/print');
    await page.getByRole('heading', { level: 1, name: 'Печать журнала' }).waitFor();
    await page.locator('.print-form').getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    const courses = page.getByRole('group', { name: 'Предметы' });
    await courses.waitFor();
    const boxes = courses.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    expect(await page.getByText('Сводная ведомость (PDF)').count()).toBe(0);
    await page
      .locator('.print-form')
      .getByLabel('Период', { exact: true })
      .selectOption({ label: '1 четверть' });
    await expectNoAxeViolations(page, 'the teacher’s print page');

    await page.getByRole('button', { name: 'Сформировать PDF' }).click();
    const bar = page.getByRole('progressbar', { name: 'Печать журнала' });
    await bar.waitFor();
    const download = page.locator('.print-form').getByRole('link', { name: 'Скачать' });
    await download.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    await page.getByText('Готово', { exact: true }).first().waitFor();
    const file = await page.request.get((await download.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.headers()['content-disposition']).toContain(encodeURIComponent('Журнал 5А'));
    const recent = page.getByRole('region', { name: 'Мои последние печати' });
    await recent.getByRole('link', { name: /^Скачать Журнал 5А/ }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('the class teacher sees the whole journal’s documents, the deputy every class', async () => {
    const classId = await fiveAId(h);
    const cls = await h.database.db
      .selectFrom('classes')
      .select('classTeacherId')
      .where('id', '=', classId)
      .executeTakeFirstOrThrow();
    const lead = await h.newPage('/', { bypassCSP: true });
    await logIn(lead, await loginOf(cls.classTeacherId!), demoPassword);
    await lead.goto('/teacher/print');
    await lead.locator('.print-form').getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    await lead.getByText('Весь журнал класса').waitFor();
    expect(await lead.getByRole('group', { name: 'Предметы' }).count()).toBe(0);
    await lead.getByRole('link', { name: 'Сводная ведомость (PDF)' }).waitFor();
    expect(
      await lead.locator('#main').getByRole('link', { name: 'Решения педсовета' }).getAttribute('href'),
    ).toBe(`/class/${classId}/council`);
    expect(await lead.getByRole('link', { name: /^Табель: / }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(lead, 'the class teacher’s print page');
    await lead.context().close();

    const deputy = await openAs(h, 'deputy', '/deputy/print');
    const select = deputy.locator('.print-form').getByLabel('Класс', { exact: true });
    await select.waitFor();
    const classes = await h.database.db
      .selectFrom('classes')
      .select('id')
      .where('schoolId', '=', h.demo!.schoolId)
      .where('academicYearId', '=', h.demo!.academicYearId)
      .where('archivedAt', 'is', null)
      .execute();
    expect(await select.locator('option').count()).toBe(classes.length);
    await deputy.getByRole('button', { name: 'Архив за год (ZIP)' }).waitFor();
    await deputy.context().close();
  });
});
