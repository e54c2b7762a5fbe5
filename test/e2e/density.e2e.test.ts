import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('«Накопляемость оценок», «Выполнение КТП», «Оценочные процедуры»', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the deputy sees each course’s minimum and opens the journal of a student at risk', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=density');
    await page.getByRole('tab', { name: 'Накопляемость оценок', selected: true }).waitFor();
    const courses = page.locator('table', { has: page.locator('caption', { hasText: 'Оценки на ученика' }) });
    await courses.locator('tbody tr').first().waitFor();
    const answer = await (await page.request.get('/api/reports/density')).json();
    const first = answer.courses[0] as { subject: string; students: number; belowMinimum: number };
    const cells = await courses.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toContain(first.subject);
    expect(cells).toContain(String(first.students));
    expect(cells).toContain(String(first.belowMinimum));
    await expectNoAxeViolations(page, 'the density tab');
    const risky = (answer.courses as { courseId: number; atRisk: unknown[] }[]).find(
      (c) => c.atRisk.length > 0,
    );
    expect(risky).toBeDefined();
    const risks = page.locator('table', { has: page.locator('caption', { hasText: 'под риском «н/а»' }) });
    await risks.locator('tbody tr').first().getByRole('link', { name: 'Открыть журнал' }).click();
    await page.waitForURL(/\/journal\/\d+/);
  });

  it('the КТП tab shows the plan against the lessons held, as the API counts them', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=ktp');
    await page.getByRole('tab', { name: 'Выполнение КТП', selected: true }).waitFor();
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'КТП против проведённых' }),
    });
    await table.locator('tbody tr').first().waitFor();
    const answer = await (await page.request.get('/api/reports/ktp')).json();
    expect(await table.locator('tbody tr').count()).toBe(answer.courses.length);
    const first = answer.courses[0] as { held: number; remaining: number };
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toContain(String(first.held));
    expect(cells).toContain(String(first.remaining));
    await expectNoAxeViolations(page, 'the КТП tab');
  });

  it('the assessments tab lists the schedule and says the warnings in words', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=assessments');
    await page.getByRole('tab', { name: 'Оценочные процедуры', selected: true }).waitFor();
    await page.getByRole('heading', { name: 'Нарушения рекомендаций' }).waitFor();
    const answer = await (await page.request.get('/api/reports/assessments')).json();
    expect(answer.schedule.length).toBeGreaterThan(0);
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'График оценочных процедур' }),
    });
    expect(await table.locator('tbody tr').count()).toBe(answer.schedule.length);
    if (answer.warnings.length > 0)
      expect(await page.locator('.density-warnings li').count()).toBe(answer.warnings.length);
    else await page.getByText('Нарушений рекомендаций нет.').waitFor();
    await expectNoAxeViolations(page, 'the assessments tab');
  });
});
