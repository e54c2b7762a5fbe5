import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('«Часы учителей» and «Посещаемость»', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
    mkdirSync('/tmp/hours-shots', { recursive: true });
  });
  afterAll(() => h?.stop());

  it('the deputy sees the hours per teacher and month and opens a teacher’s journals', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=hours');
    await page.getByRole('tab', { name: 'Часы учителей', selected: true }).waitFor();
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Уроки учителей по месяцам' }),
    });
    await table.locator('tbody tr').first().waitFor();
    const answer = await (await page.request.get('/api/reports/hours')).json();
    const first = answer.teachers[0] as { teacher: string; months: { held: number }[] };
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe(first.teacher);
    expect(cells).toContain(String(first.months[0]!.held));
    await table.locator('tbody tr').first().getByRole('button').click();
    await page.getByRole('heading', { name: `Журналы: ${first.teacher}` }).waitFor();
    await page.locator('.hours-breakdown table tbody tr').first().waitFor();
    // The breakdown's heading takes the focus, so a keyboard or screen reader user lands on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('hours-breakdown-title');
    await page.getByRole('link', { name: 'Скачать XLSX' }).waitFor();
    await page.screenshot({ path: '/tmp/hours-shots/hours.png' });
    await expectNoAxeViolations(page, 'the hours tab');
  });

  it('the deputy sees attendance by class, the over-30 % list and the students', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=attendance');
    await page.getByRole('tab', { name: 'Посещаемость', selected: true }).waitFor();
    const answer = await (await page.request.get('/api/reports/attendance')).json();
    const byClass = page.locator('table', {
      has: page.locator('caption', { hasText: 'Пропуски уроков по классам' }),
    });
    await byClass.locator('tbody tr').first().waitFor();
    const cells = await byClass.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe(answer.classes[0].className);
    await page
      .getByText('Пропустили более 30 % уроков месяца')
      .or(page.getByText('Нет учеников, пропустивших'))
      .first()
      .waitFor();
    if (answer.over.length > 0) await page.getByText('(более 30 %)').first().waitFor();
    await page.screenshot({ path: '/tmp/hours-shots/attendance.png' });
    await expectNoAxeViolations(page, 'the attendance tab');
  });
});
