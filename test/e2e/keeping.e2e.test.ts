import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('«Ведение журнала»', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the deputy sees the journals worst first, the heat map, and opens a problem lesson in the journal', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=keeping');
    await page.getByRole('tab', { name: 'Ведение журнала', selected: true }).waitFor();
    const journals = page.locator('table', {
      has: page.locator('caption', { hasText: 'Журналы: что не заполнено' }),
    });
    await journals.locator('tbody tr').first().waitFor();
    const answer = await (await page.request.get('/api/reports/keeping')).json();
    expect(answer.totals.held).toBeGreaterThan(0);
    // The first row is the journal the API puts first (worst).
    const first = answer.courses[0] as { subject: string; held: number };
    const cells = await journals.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toContain(first.subject);
    expect(cells).toContain(String(first.held));
    await page.locator('.heat-map table tbody tr').first().waitFor();
    await expectNoAxeViolations(page, 'the keeping tab');

    const lesson = answer.lessons[0] as { lessonId: number; courseId: number } | undefined;
    expect(lesson).toBeDefined();
    const lessons = page.locator('table', {
      has: page.locator('caption', { hasText: 'Уроки с недочётами' }),
    });
    await lessons.locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL(`**/journal/${lesson!.courseId}?lessonId=${lesson!.lessonId}`);
  });

  it('a count of a journal narrows the lesson list to that journal', async () => {
    const page = await openAs(h, 'deputy', '/deputy/reports?tab=keeping');
    const answer = await (await page.request.get('/api/reports/keeping')).json();
    const course = (answer.courses as { courseId: number; problems: number }[]).find((c) => c.problems > 0)!;
    await page
      .getByRole('link', { name: /Показать уроки журнала/ })
      .first()
      .click();
    await page.waitForURL(/courseId=\d+/);
    const chosen = Number(new URL(page.url()).searchParams.get('courseId'));
    expect(chosen).toBe(course.courseId);
    await page.locator('caption', { hasText: /Уроки с недочётами: / }).waitFor();
    await page.getByRole('link', { name: 'Показать уроки всех журналов' }).waitFor();
  });
});
