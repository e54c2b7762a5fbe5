import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('«Успеваемость и качество» and the district summary', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
    mkdirSync('/tmp/results-shots', { recursive: true });
  });
  afterAll(() => h?.stop());

  it('the deputy sees the totals, the classes with the chart, the lists and the exports', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=results');
    await page.getByRole('tab', { name: 'Успеваемость и качество', selected: true }).waitFor();
    const answer = await (await page.request.get('/api/reports/results')).json();
    await page.getByRole('heading', { name: 'Итоги' }).waitFor();
    const byClass = page.locator('table', { has: page.locator('caption', { hasText: 'По классам' }) });
    await byClass.locator('tbody tr').first().waitFor();
    const first = answer.byClass[0] as { className: string; qualityPct: number | null };
    const cells = await byClass.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe(first.className);
    expect(cells).toContain(
      first.qualityPct === null ? '—' : `${first.qualityPct.toFixed(1).replace('.', ',')} %`,
    );
    await page.getByRole('img', { name: /Качество по классам/ }).waitFor();
    await page.getByRole('heading', { name: /^Отличники \(\d+\)$/ }).waitFor();
    const xlsx = page.getByRole('link', { name: 'Скачать XLSX' });
    expect(await xlsx.getAttribute('href')).toContain(`periodId=${answer.period.id}`);
    await page.screenshot({ path: '/tmp/results-shots/results.png', fullPage: true });
    await expectNoAxeViolations(page, 'the results tab');
  });

  it('the district official sees the schools side by side and sorts by a column', async () => {
    const page = await openAs(h, 'district', '/district/reports');
    await page.getByRole('heading', { name: 'Сводка по школам района' }).waitFor();
    const table = page.locator('table.report-table');
    await table.locator('tbody tr').first().waitFor();
    const quality = table.getByRole('button', { name: /^Качество/ });
    await quality.click();
    await expect.poll(() => table.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.getByRole('link', { name: 'Скачать PDF' }).waitFor();
    await page.screenshot({ path: '/tmp/results-shots/district.png', fullPage: true });
    await expectNoAxeViolations(page, 'the district summary');
  });
});
