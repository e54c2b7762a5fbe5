import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClassXlsx } from '../../src/server/imports/imports.test-helpers.ts';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('the class teacher imports the class from XLSX', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('chooses the file, sees the preview, imports it and finds the students in the class', async () => {
    const demo = h.demo!;
    const cls = await h.database.db
      .selectFrom('classes')
      .select('id')
      .where('classTeacherId', '=', demo.people.teacher)
      .executeTakeFirstOrThrow();
    const page = await openAs(h, 'teacher', `/class/${cls.id}/import`);
    await page.getByRole('heading', { level: 1, name: 'Загрузка учеников и родителей: 5А' }).waitFor();
    await expectNoAxeViolations(page, 'the import page');

    await page.getByLabel('Файл CSV или XLSX').setInputFiles({
      name: '5А.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await demoClassXlsx(),
    });
    await page.getByText('Новых: 2. Изменится: 0. Без изменений: 0. С ошибками: 0.').waitFor();
    const table = page.getByRole('table', { name: 'Строки файла' });
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.textContent()).toContain('20.05.2015');
    expect(await table.textContent()).toContain('+7 916 000-11-22');
    await expectNoAxeViolations(page, 'the import preview');

    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByText('Загружено. Новых учеников: 2, изменено: 0, без изменений: 0.').waitFor();

    const names = await page.evaluate(async (id) => {
      const res = await fetch(`/api/classes/${id}/students`, { headers: { Accept: 'application/json' } });
      const body = (await res.json()) as { students: { lastName: string }[] };
      return body.students.map((s) => s.lastName);
    }, cls.id);
    expect(names).toEqual(expect.arrayContaining(['Импортова', 'Загрузкин']));

    await page.getByRole('link', { name: 'К списку класса' }).click();
    await page.waitForURL(`**/class/${cls.id}`);
    await page.getByRole('link', { name: 'Импортова Алёна Игоревна', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Загрузкин Фёдор', exact: true }).waitFor();
  }, 30_000);
});
