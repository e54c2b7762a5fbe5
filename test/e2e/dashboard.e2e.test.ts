import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

const figureNames = ['Полнота заполнения', 'Своевременность', 'Качество знаний', 'Посещаемость'];

describe.skipIf(skipE2e)('the control dashboard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the director sees the four figures at home, opens «Контроль», and from the worst journal lands on its lessons', async () => {
    const page = await openAs(h, 'director');
    const home = page.getByRole('region', { name: 'Показатели школы' });
    for (const name of figureNames) await home.getByText(name, { exact: true }).waitFor();
    const values = await home.locator('.figure-value').allTextContents();
    expect(values).toHaveLength(4);
    // The demo school keeps its journals: every figure is a percentage, written the Russian way.
    for (const v of values) expect(v).toMatch(/^\d{1,3},\d %$/);
    await expectNoAxeViolations(page, 'the director’s home with the figures');

    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Контроль' })
      .first()
      .click();
    await page.waitForURL('**/director/control');
    await page.getByRole('heading', { level: 1, name: 'Контроль' }).waitFor();
    const cards = page.locator('.dashboard-page .figure-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(4);
    await page.getByRole('heading', { name: 'Пропуски и опоздания по дням' }).waitFor();
    await page.locator('.heat-map table tbody tr').first().waitFor();
    const worst = page.getByRole('region', { name: 'Хуже всего ведутся' });
    await worst.locator('tbody tr').first().waitFor();
    await expectNoAxeViolations(page, 'the control dashboard');
    const xlsx = await page.getByRole('link', { name: 'Скачать XLSX' }).getAttribute('href');
    expect(xlsx).toBe('/api/reports/dashboard/export?format=xlsx');
    expect((await page.request.get(xlsx!)).status()).toBe(200);

    // The first journal of the list is the worst one the API names.
    const answer = await (await page.request.get('/api/reports/dashboard')).json();
    const first = answer.worst[0] as { courseId: number; subject: string; className: string | null };
    expect(first).toBeDefined();
    const link = worst.locator('tbody tr').first().getByRole('link').first();
    expect(await link.textContent()).toContain(first.subject);
    await link.click();
    await page.waitForURL(/\/director\/reports\?/);
    const address = new URL(page.url());
    expect(address.searchParams.get('tab')).toBe('keeping');
    expect(address.searchParams.get('courseId')).toBe(String(first.courseId));
    await page.getByRole('tab', { name: 'Ведение журнала', selected: true }).waitFor();
    // «Уроки с недочётами: 1А Музыка»: the keeping list of that journal, with its lessons.
    const title = new RegExp(`^Уроки с недочётами: ${first.className ?? ''}.* ${first.subject}`);
    const lessons = page.getByRole('table', { name: title });
    await lessons.locator('tbody tr').first().waitFor();
    await page.context().close();
  });
});
