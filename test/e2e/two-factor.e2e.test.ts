import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/server/auth/totp.ts';
import { demoPassword, type Harness, logIn, skipE2e, startHarness, submitLogin } from './harness.ts';

describe.skipIf(skipE2e)('two-factor login in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('a director adds the app under «Безопасность» and signs in again with a code from it', async () => {
    const login = h.demo!.logins.director;
    const page = await h.newPage('/');
    await logIn(page, login, demoPassword);
    await page.goto('/security');
    await page.getByLabel('Пароль', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Подключить приложение' }).click();
    await page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' }).waitFor();
    const secret = await page.locator('code.two-factor-secret').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Код из приложения').fill(totpCode(secret!, Date.now()));
    await page.getByRole('button', { name: 'Включить' }).click();
    const codes = page.getByRole('list', { name: 'Резервные коды' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expect
      .poll(() => page.getByText(/Включён с \d\d\.\d\d\.\d{4}\. Резервных кодов осталось: 10\./).count())
      .toBe(1);

    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await submitLogin(page, login, demoPassword);
    await page.getByRole('heading', { name: 'Код из приложения' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    const wrong = totpCode(secret!, Date.now() + 30_000) === '000000' ? '111111' : '000000';
    await page.getByLabel('Код из приложения').fill(wrong);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await page.getByText('Неверный код. Введите код, который приложение показывает сейчас.').waitFor();
    // The code of the next step: the one of this step was used to turn the app on.
    await page.getByLabel('Код из приложения').fill(totpCode(secret!, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
  });
});
