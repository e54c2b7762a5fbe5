import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs, pdfText } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

/**
 * The regulation on keeping the journal (#12) in Chromium, on the demo school: the administrator
 * changes the written-work deadline on the settings page; the director opens the regulation, sees the
 * new number, changes the wording of one section, approves; the approved version's PDF holds the
 * school's deadlines and the director's wording.
 */
describe.skipIf(skipE2e)('the regulation page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true, env: { BACKUP_AT: '04:45', BACKUP_SCHEDULER: 'false' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('follows the settings, is edited and approved by the director, and downloads with the deadlines', async () => {
    const admin = await openAs(h, 'admin', '/admin/settings');
    const days = admin.getByLabel('Отметки за письменные работы: в течение дней');
    await days.fill('6');
    const saved = admin.waitForResponse(
      (r) => r.url().endsWith('/api/settings') && r.request().method() === 'POST',
    );
    await admin.getByRole('button', { name: 'Сохранить настройки' }).click();
    expect((await saved).status()).toBe(200);

    const page = await openAs(h, 'director');
    await page.getByRole('link', { name: 'Положение о ведении журнала' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Положение о ведении журнала' }).waitFor();
    const timeliness = page.getByLabel('3. Сроки заполнения журнала');
    await expect.poll(() => timeliness.inputValue()).toContain('в течение 6 дней после проведения работы');
    await expectNoAxeViolations(page, 'the regulation page');

    await page.getByLabel('8. Ответственность').fill('Работники отвечают за записи в журнале лично.');
    await page.getByRole('button', { name: 'Утвердить' }).click();
    await page.getByRole('status').filter({ hasText: 'Положение утверждено.' }).waitFor();
    await page.getByText('Формулировка изменена директором').waitFor();
    const version = page.getByRole('listitem').filter({ hasText: 'Утверждено' });
    await expect.poll(() => version.count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      version.getByRole('link', { name: 'PDF' }).click(),
    ]);
    const text = pdfText((await download.path()) as string).replace(/\s+/g, ' ');
    expect(text).toContain('УТВЕРЖДЕНО');
    expect(text).toContain('в течение 6 дней после проведения работы');
    expect(text).toContain('ежедневно в 04:45');
    expect(text).toContain('Работники отвечают за записи в журнале лично.');
  });
});
