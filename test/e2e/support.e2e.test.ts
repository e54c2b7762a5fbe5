import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/**
 * «Поддержка» in Chromium: the demo teacher reports a problem from a page through the header; the
 * demo administrator sees it with the page's path (no query), the browser and the version, and
 * resolves it; the teacher sees it resolved.
 */
describe.skipIf(skipE2e)('help and support', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('a teacher reports from a page, the administrator resolves it, the teacher sees it resolved', async () => {
    const teacher = await openAs(h, 'teacher', '/security?who=Секретный');
    await teacher.getByRole('heading', { level: 1, name: 'Безопасность' }).waitFor();
    await teacher.getByRole('link', { name: 'Поддержка' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Поддержка' }).waitFor();
    await teacher
      .getByText('Администратор школы ещё не указал контакты поддержки.', { exact: false })
      .waitFor();
    await teacher.getByText('(без параметров) /security,', { exact: false }).waitFor();

    await teacher.getByRole('button', { name: 'Отправить' }).click();
    await teacher.getByText('Заполните это поле.').waitFor();
    await teacher.getByLabel('Что случилось').fill('Не открывается история входов');
    await teacher.getByRole('button', { name: 'Отправить' }).click();
    await teacher.getByText('Сообщение отправлено администратору школы.').waitFor();
    const mine = teacher.locator('.support-item');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain('открыто');
    await expectNoAxeViolations(teacher, 'the support page');

    const admin = await openAs(h, 'admin');
    // The header counts the school's open reports beside «Поддержка» (the demo may hold some already).
    const open = await admin.evaluate(
      async () =>
        ((await (await fetch('/api/support/problems?status=open')).json()) as { items: unknown[] }).items
          .length,
    );
    const supportLink = admin.locator('a.topbar-support');
    await expect.poll(() => supportLink.locator('.nav-count').textContent()).toBe(String(open));
    expect(await supportLink.textContent()).toContain(`открытых сообщений о проблемах: ${open}`);
    await admin.getByRole('link', { name: 'Поддержка' }).click();
    await admin.getByRole('heading', { name: 'Сообщения о проблемах' }).waitFor();
    const report = admin
      .locator('.support-item')
      .filter({ hasText: 'Не открывается история входов' })
      .filter({ has: admin.getByRole('button', { name: 'Отметить решённым' }) });
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('/security');
    expect(text).not.toContain('Секретный');
    expect(text).not.toContain('who=');
    expect(text).toContain(version);
    expect(text).toContain('Chrome');
    await expectNoAxeViolations(admin, 'the support page of the administrator');

    await report.getByLabel('Что сделано (необязательно)').fill('Обновили страницу');
    await report.getByRole('button', { name: 'Отметить решённым' }).click();
    await admin.getByText('Сообщение отмечено решённым.').waitFor();
    // Resolved: the count goes down at once.
    if (open === 1) await expect.poll(() => supportLink.locator('.nav-count').count()).toBe(0);
    else await expect.poll(() => supportLink.locator('.nav-count').textContent()).toBe(String(open - 1));
    await admin.getByLabel('Показать').selectOption('resolved');
    await admin
      .locator('.support-item')
      .filter({ hasText: 'Не открывается история входов' })
      .getByText('Обновили страницу', { exact: false })
      .waitFor();

    await teacher.reload();
    await teacher.locator('.support-item').getByText('решено', { exact: true }).waitFor();
    expect(await teacher.locator('.support-item').textContent()).toContain('Обновили страницу');
  });

  it('the district, which has no school of its own here, gets no «Поддержка» link', async () => {
    const district = await openAs(h, 'district');
    await district.getByRole('button', { name: 'Выйти' }).waitFor();
    expect(await district.getByRole('link', { name: 'Поддержка' }).count()).toBe(0);
    const parent = await openAs(h, 'parent');
    await parent.getByRole('link', { name: 'Поддержка' }).waitFor();
  });
});
