import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import {
  expectNoAxeViolations,
  type Harness,
  meStatus,
  skipE2e,
  startHarness,
  waitForLoginPage,
} from './harness.ts';

const phone = { width: 360, height: 740 };

/**
 * «Безопасность» in Chromium: a parent signed in on two browsers sees both sessions on a phone-sized
 * screen, ends the other one, and that browser is signed out at its next request.
 */
describe.skipIf(skipE2e)('the security page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('lists both sessions, ends the other one, and the other browser is signed out', async () => {
    const other = await openAs(h, 'parent');
    const mine = await openAs(h, 'parent', undefined, { bypassCSP: true, viewport: phone });

    await mine.getByRole('link', { name: 'Безопасность' }).click();
    await mine.waitForURL('**/security');
    await mine.getByRole('heading', { level: 1, name: 'Безопасность' }).waitFor();
    const cards = mine.locator('.security-session');
    await expect.poll(() => cards.count()).toBe(2);
    const current = cards.filter({ hasText: 'Это устройство' });
    expect(await current.count()).toBe(1);
    expect(await current.getByRole('button', { name: 'Завершить' }).count()).toBe(0);
    await mine.getByRole('table').getByText('вход с нового устройства').first().waitFor();
    expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(mine, 'the security page');

    expect(await meStatus(other)).toBe(200);
    await cards.filter({ hasNotText: 'Это устройство' }).getByRole('button', { name: 'Завершить' }).click();
    await mine.getByText('Сеанс завершён.').waitFor();
    await expect.poll(() => cards.count()).toBe(1);
    await mine.getByText('Других сеансов нет.').waitFor();

    expect(await meStatus(other)).toBe(401);
    await other.reload();
    await waitForLoginPage(other);
    expect(await meStatus(mine)).toBe(200);
  });
});
