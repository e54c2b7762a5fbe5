import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

/** The number shown under a plan-vs-fact label. */
async function figure(page: Page, label: string): Promise<string> {
  const box = page.locator('.plan-fact dl > div', { has: page.locator('dt', { hasText: label }) });
  return ((await box.locator('dd').textContent()) ?? '').trim();
}

describe.skipIf(skipE2e)('the КТП', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the teacher adds and moves a topic, imports a CSV, fills the lessons’ topics, and plan vs fact follows', async () => {
    const db = h.database.db;
    const page = await openAs(h, 'teacher', '/');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'КТП', exact: true })
      .click();
    await page.waitForURL('**/teacher/plan');
    await page.getByRole('heading', { level: 1, name: 'КТП' }).waitFor();
    await expectNoAxeViolations(page, 'the list of plans');
    await page
      .getByRole('link', { name: /^КТП: / })
      .first()
      .click();
    await page.waitForURL(/\/plan\/\d+$/);
    const courseId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: /^КТП: / }).waitFor();
    const rows = page.locator('table.plan-table tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    const plannedBefore = Number(await figure(page, 'Часов по плану'));
    expect(plannedBefore).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'a course’s КТП');

    // A new topic of two hours goes to the end, and the planned hours grow by two.
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Новая тема' }) });
    await form.getByLabel('Раздел').fill('Итоговое повторение');
    await form.getByLabel('Тема', { exact: true }).fill('Повторение за год (e2e)');
    await form.getByLabel('Часы').fill('2');
    await form.getByLabel('Вид контроля').fill('Контрольная работа');
    await form.getByRole('button', { name: 'Добавить' }).click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    expect(await rows.last().locator('th').textContent()).toBe('Повторение за год (e2e)');
    await expect.poll(() => figure(page, 'Часов по плану')).toBe(String(plannedBefore + 2));

    // Moved up by one: it is now the last but one.
    await page.getByRole('button', { name: 'Поднять тему «Повторение за год (e2e)»' }).click();
    await expect
      .poll(() =>
        rows
          .nth(before - 1)
          .locator('th')
          .textContent(),
      )
      .toBe('Повторение за год (e2e)');
    expect(
      await rows
        .nth(before - 1)
        .locator('td')
        .first()
        .textContent(),
    ).toBe(String(before));

    // A file with a bad row is previewed with its problem and cannot be saved.
    await page.getByText('Загрузить КТП из файла', { exact: true }).click();
    const file = page.getByLabel('Файл КТП');
    await file.setInputFiles({
      name: 'ктп.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Раздел;Тема;Часы\nЗачёт;Подготовка к зачёту;много\n', 'utf8'),
    });
    await page.getByText('Тем в файле: 0, ошибок: 1.').waitFor();
    expect(await page.getByRole('button', { name: 'Загрузить темы' }).isDisabled()).toBe(true);
    // A good file: previewed, then saved at the end of the plan.
    await file.setInputFiles({
      name: 'ктп.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Раздел;Тема;Часы;Дата\nЗачёт;Подготовка к зачёту (e2e);1;20.05.2027\nЗачёт;Зачёт (e2e);1;22.05.2027\n',
      ),
    });
    await page.getByText('Тем в файле: 2, ошибок: 0.').waitFor();
    await page.getByRole('button', { name: 'Загрузить темы' }).click();
    await page.getByText('Загружено тем: 2.').waitFor();
    await expect.poll(() => rows.count()).toBe(before + 3);
    expect(await rows.last().locator('th').textContent()).toBe('Зачёт (e2e)');
    expect(await rows.last().locator('td').nth(4).textContent()).toBe('22.05.2027');
    await expect.poll(() => figure(page, 'Часов по плану')).toBe(String(plannedBefore + 4));

    // Filling: the first topic not yet given goes into the first lesson without a topic.
    const unused = await db
      .selectFrom('planItems')
      .select(['id', 'topic'])
      .where('courseId', '=', courseId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('lessons')
              .select('lessons.id')
              .whereRef('lessons.planItemId', '=', 'planItems.id')
              .where('lessons.cancelledAt', 'is', null),
          ),
        ),
      )
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const row = page.locator('table.plan-table tbody tr', {
      has: page.locator('th', {
        hasText: new RegExp(`^${unused.topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      }),
    });
    expect(await row.first().locator('td').nth(5).locator('a').count()).toBe(0);
    await page.getByRole('button', { name: 'Заполнить темы уроков' }).click();
    const filled = page.getByText(/^Заполнено уроков: \d+\.$/);
    await filled.waitFor();
    expect(Number((await filled.textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    await expect.poll(() => row.first().locator('td').nth(5).locator('a').count()).toBeGreaterThan(0);
    const given = await db
      .selectFrom('lessons')
      .select(['id', 'topic'])
      .where('planItemId', '=', unused.id)
      .execute();
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((l) => l.topic === unused.topic)).toBe(true);

    // Copying another course's КТП replaces the topics, once the replacing is ticked.
    await page.getByText('Скопировать КТП', { exact: true }).click();
    const source = page.getByLabel('Откуда копировать');
    await source.locator('option').nth(1).waitFor({ state: 'attached' });
    const label = (await source.locator('option').nth(1).textContent()) ?? '';
    const topics = Number(label.match(/\(тем: (\d+)\)$/)?.[1]);
    expect(topics).toBeGreaterThan(0);
    await source.selectOption({ index: 1 });
    const copy = page.getByRole('button', { name: 'Скопировать', exact: true });
    expect(await copy.isDisabled()).toBe(true);
    await page.getByLabel(/Заменить текущие темы \(\d+\): они будут удалены/).check();
    await copy.click();
    await page.getByText('КТП скопирован.').waitFor();
    await expect.poll(() => rows.count()).toBe(topics);
    expect(await page.getByText('Повторение за год (e2e)').count()).toBe(0);
    await page.context().close();
  });
});
