import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArchive } from '../../src/server/print/archive-verify.ts';
import { fiveAId, openAs, pdfText } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';

/**
 * The pages of issue #7 in Chromium: a teacher prints a course of their own in the background
 * (progress, then a PDF), the class teacher sees the whole journal's documents, the deputy every class;
 * the class teacher records council decisions that the report card prints; the administrator makes,
 * downloads and checks a year archive, and exports the OneRoster ZIP and checks it on the import page.
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

  it('the class teacher records a council decision, it is kept, and the report card prints it', async () => {
    const classId = await fiveAId(h);
    const cls = await h.database.db
      .selectFrom('classes')
      .select('classTeacherId')
      .where('id', '=', classId)
      .executeTakeFirstOrThrow();
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, await loginOf(cls.classTeacherId!), demoPassword);
    await page.goto(`/class/${classId}/council`);
    await page.getByRole('heading', { level: 1, name: /^Решения педсовета — 5А/ }).waitFor();
    const forAll = page.getByRole('group', { name: 'Для всего класса' });
    await forAll.getByLabel('Дата решения').fill('2026-05-28');
    await forAll.getByLabel('Номер протокола').fill('7-П');
    const row = page.locator('#main tbody tr').first();
    const student = ((await row.locator('td, th').first().textContent()) ?? '').trim();
    expect(student).not.toBe('');
    const decision = row.getByRole('combobox', { name: `Решение: ${student}` });
    await decision.fill('переведён(а) в 6 класс');
    await expectNoAxeViolations(page, 'the council page');
    await row.getByRole('button', { name: `Сохранить решение: ${student}` }).click();
    await row.getByRole('cell', { name: '7-П' }).waitFor();

    await page.reload();
    const kept = page.locator('#main tbody tr').first();
    await kept.getByRole('cell', { name: '7-П' }).waitFor();
    expect(await kept.getByRole('combobox', { name: `Решение: ${student}` }).inputValue()).toBe(
      'переведён(а) в 6 класс',
    );
    expect(await kept.getByRole('cell', { name: '28.05.2026' }).count()).toBe(1);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto('/teacher/print');
    await page.locator('.print-form').getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    const card = page.getByRole('link', { name: `Табель: ${student}` });
    const file = await page.request.get((await card.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    const path = join(mkdtempSync(join(tmpdir(), 'otmetka-card-')), 'card.pdf');
    writeFileSync(path, await file.body());
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain('переведён(а) в 6 класс');
    expect(text).toContain('7-П');
    await page.context().close();
  });

  it('the administrator makes a class’s year archive, downloads it and checks it on the same page', async () => {
    const page = await openAs(h, 'admin', '/admin/archive');
    await page.getByRole('heading', { level: 1, name: 'Архив журналов за год' }).waitFor();
    const make = page.getByRole('button', { name: 'Сформировать архив 5А' });
    await make.waitFor();
    await expectNoAxeViolations(page, 'the archive page');
    await make.click();
    const row = page.locator('.archive-classes li').filter({ hasText: '5А' }).first();
    const download = row.getByRole('link', { name: 'Скачать' });
    await download.waitFor({ timeout: 60_000 });
    const file = await page.request.get((await download.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    const zip = await file.body();
    const check = verifyArchive(new Uint8Array(zip));
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.files.length).toBeGreaterThan(2);

    await page.getByLabel('Файл архива (ZIP)').setInputFiles({
      name: 'archive-5A.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await page.getByText('Архив в порядке: все файлы совпадают с описью.').waitFor({ timeout: 30_000 });
    const checked = page.getByRole('region', { name: 'Проверить архив' });
    await checked.getByText(/^5А, .+, сформирован \d{2}\.\d{2}\.\d{4}$/).waitFor();
    for (const f of check.files) await checked.getByText(`${f.name}: в порядке`, { exact: true }).waitFor();
    expect(await checked.getByText(/: (изменён|отсутствует|лишний)$/).count()).toBe(0);
    await expectNoAxeViolations(page, 'the archive page with a checked archive');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('the administrator exports OneRoster and the import page checks it with no errors', async () => {
    const page = await openAs(h, 'admin', '/admin/exchange');
    await page.getByRole('heading', { level: 1, name: 'Обмен данными (OneRoster)' }).waitFor();
    const exportLink = page.getByRole('link', { name: 'Выгрузить OneRoster (ZIP)' });
    await exportLink.waitFor();
    await expectNoAxeViolations(page, 'the exchange page');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    const file = await page.request.get((await exportLink.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    const zip = await file.body();
    expect(zip.subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('link', { name: 'Загрузить данные из OneRoster' }).click();
    await page.getByRole('heading', { level: 1, name: 'Загрузка из OneRoster' }).waitFor();
    await page.getByLabel('Архив OneRoster (ZIP)').setInputFiles({
      name: 'oneroster.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    const submit = page.getByRole('button', { name: 'Загрузить' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Проверить' }).click();
    const summary = page.locator('.imports-counts');
    await summary.waitFor({ timeout: 60_000 });
    const counts = (await summary.textContent()) ?? '';
    // The school's own export finds every row of the school: nothing would be created.
    expect(counts).toMatch(/^Будет создано: 0, найдено в Отметке: [1-9]\d*, пропущено: \d+, ошибок: 0\.$/);
    expect(await page.getByRole('cell', { name: 'Ошибка', exact: true }).count()).toBe(0);
    const files = await page.locator('.roster-file h2').allTextContents();
    for (const name of [
      'orgs.csv',
      'academicSessions.csv',
      'courses.csv',
      'classes.csv',
      'users.csv',
      'enrollments.csv',
    ])
      expect(files.find((f) => f.startsWith(`${name} `))).toMatch(
        /\(создать 0, найдено [1-9]\d*, .*ошибок 0\)$/,
      );
    expect(await submit.isEnabled()).toBe(true);
    await expectNoAxeViolations(page, 'the import page with a checked archive');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
